package dev.huddle.client.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Opus packets back to 20 ms PCM frames with FFmpeg's libopus decoder (mono, 16-bit, brought to 16 kHz). A packet
 * that does not decode to one whole frame gives {@code null}. Not thread-safe.
 */
final class OpusDecoder implements AudioDecoder {

    private final AVCodecContext context;
    private final AVFrame frame;
    private final AVPacket packet;

    OpusDecoder() {
        var codec = avcodec_find_decoder_by_name("libopus");
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no libopus decoder");
        }
        context = Ffmpeg.open(codec, 0);
        frame = av_frame_alloc();
        packet = av_packet_alloc();
    }

    @Override
    public byte[] decode(byte[] opus) {
        if (av_new_packet(packet, opus.length) < 0) {
            return null;
        }
        packet.data().put(opus, 0, opus.length);
        int sent = avcodec_send_packet(context, packet);
        av_packet_unref(packet);
        if (sent < 0 || avcodec_receive_frame(context, frame) < 0) {
            return null;
        }
        try {
            int factor = frame.sample_rate() / AudioSource.SAMPLE_RATE;
            if (frame.format() != AV_SAMPLE_FMT_S16 || factor < 1
                || frame.nb_samples() != AudioSource.SAMPLES_PER_FRAME * factor) {
                return null;
            }
            byte[] decoded = new byte[frame.nb_samples() * 2];
            frame.data(0).get(decoded);
            return factor == 1 ? decoded : downsample(decoded, factor);
        } finally {
            av_frame_unref(frame);
        }
    }

    /**
     * libopus always decodes at 48 kHz. What was sent from 16 kHz holds nothing above 8 kHz, so the
     * mean of each run of {@code factor} samples is a clean 16 kHz signal (no resampler needed).
     */
    private static byte[] downsample(byte[] pcm, int factor) {
        byte[] out = new byte[AudioSource.FRAME_BYTES];
        for (int i = 0; i < AudioSource.SAMPLES_PER_FRAME; i++) {
            int sum = 0;
            for (int k = 0; k < factor; k++) {
                sum += Pcm.sample(pcm, i * factor + k);
            }
            Pcm.put(out, i, sum / factor);
        }
        return out;
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        Ffmpeg.free(context);
    }
}
