package dev.huddle.client.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import dev.huddle.media.wire.AudioCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * 20 ms PCM frames to Opus packets with FFmpeg's libopus encoder (16 kHz mono, VoIP tuning), one
 * packet per frame. Not thread-safe; {@link #close()} frees the native context.
 */
final class OpusEncoder implements AudioEncoder {

    private final AVCodecContext context;
    private final AVFrame frame;
    private final AVPacket packet;
    private long pts;

    OpusEncoder(int bitsPerSecond) {
        var codec = avcodec_find_encoder_by_name("libopus");
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no libopus encoder");
        }
        context = Ffmpeg.open(codec, bitsPerSecond);
        if (context.frame_size() != AudioSource.SAMPLES_PER_FRAME) {
            Ffmpeg.free(context);
            throw new IllegalStateException("libopus chose " + context.frame_size() + " samples a frame");
        }
        frame = av_frame_alloc();
        frame.nb_samples(AudioSource.SAMPLES_PER_FRAME);
        frame.format(AV_SAMPLE_FMT_S16);
        frame.sample_rate(AudioSource.SAMPLE_RATE);
        Ffmpeg.mono(frame.ch_layout());
        Ffmpeg.check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer");
        packet = av_packet_alloc();
    }

    @Override
    public AudioCodec codec() {
        return AudioCodec.OPUS;
    }

    @Override
    public byte[] encode(byte[] pcm) {
        Ffmpeg.check(av_frame_make_writable(frame), "av_frame_make_writable");
        frame.data(0).put(pcm, 0, AudioSource.FRAME_BYTES);
        frame.pts(pts);
        pts += AudioSource.SAMPLES_PER_FRAME;
        Ffmpeg.check(avcodec_send_frame(context, frame), "avcodec_send_frame");
        if (avcodec_receive_packet(context, packet) < 0) {
            return null; // nothing out yet (EAGAIN): the encoder is still taking in its look-ahead
        }
        byte[] out = new byte[packet.size()];
        packet.data().get(out);
        av_packet_unref(packet);
        return out;
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        Ffmpeg.free(context);
    }
}
