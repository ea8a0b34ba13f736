package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.chat.file.ByteRange.Request;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void oneRangeOfEachFormIsAPart() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new Request.Part(new ByteRange(0, 100)));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new Request.Part(new ByteRange(900, 100)));
        assertThat(ByteRange.parse("bytes=-10", 1000)).isEqualTo(new Request.Part(new ByteRange(990, 10)));
        assertThat(ByteRange.parse("bytes=990-5000", 1000)).isEqualTo(new Request.Part(new ByteRange(990, 10)));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new Request.Part(new ByteRange(0, 1000)));
        assertThat(new ByteRange(100, 100).contentRange(1000)).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void whatCannotBeReadOrIsSeveralRangesIsTheWholeFile() {
        for (String header : new String[] {null, "", "items=0-1", "bytes=5-1", "bytes=a-b", "bytes=0-1,5-6", "bytes=-",
            "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.parse(header, 1000)).as(header).isEqualTo(new Request.Whole());
        }
    }

    @Test
    void aRangeWhollyPastTheEndIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=1000-", 1000)).isEqualTo(new Request.Unsatisfiable());
        assertThat(ByteRange.parse("bytes=-0", 1000)).isEqualTo(new Request.Unsatisfiable());
        assertThat(ByteRange.parse("bytes=0-", 0)).isEqualTo(new Request.Unsatisfiable());
    }
}
