package dev.huddle.client.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** What the Opus encoder and decoder share of FFmpeg's C API: opening a 16 kHz mono context, errors. */
final class Ffmpeg {

    static {
        av_log_set_level(AV_LOG_FATAL); // a corrupt packet is counted by the caller, not printed over the stats
    }

    private Ffmpeg() {
    }

    /** Opens {@code codec} for 16-bit mono at {@link AudioSource#SAMPLE_RATE}; {@code bitsPerSecond} 0 for a decoder. */
    static AVCodecContext open(AVCodec codec, int bitsPerSecond) {
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null) {
            throw new IllegalStateException("FFmpeg could not allocate a codec context");
        }
        context.sample_rate(AudioSource.SAMPLE_RATE);
        mono(context.ch_layout());
        context.sample_fmt(AV_SAMPLE_FMT_S16);
        context.request_sample_fmt(AV_SAMPLE_FMT_S16);
        AVDictionary options = new AVDictionary(null);
        if (bitsPerSecond > 0) {
            context.bit_rate(bitsPerSecond);
            av_dict_set(options, "application", "voip", 0);
        }
        int result = avcodec_open2(context, codec, options);
        av_dict_free(options);
        if (result < 0) {
            free(context);
            throw new IllegalStateException("avcodec_open2: " + error(result));
        }
        return context;
    }

    static void mono(AVChannelLayout layout) {
        av_channel_layout_default(layout, 1);
    }

    static void free(AVCodecContext context) {
        avcodec_free_context(context);
    }

    static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + ": " + error(result));
        }
    }

    private static String error(int code) {
        byte[] text = new byte[256];
        av_strerror(code, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
