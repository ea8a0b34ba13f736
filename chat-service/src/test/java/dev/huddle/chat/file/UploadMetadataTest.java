package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.HuddleException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadMetadataTest {

    @Test
    void pairsAreDecodedFromBase64AndAKeyMayStandAlone() {
        // filename "Báo cáo.pdf", target "@bob", flag "is_confidential" with no value
        assertThat(UploadMetadata.parse("filename QsOhbyBjw6FvLnBkZg==,target QGJvYg==, is_confidential"))
            .isEqualTo(Map.of("filename", "Báo cáo.pdf", "target", "@bob", "is_confidential", ""));
        assertThat(UploadMetadata.parse(null)).isEmpty();
    }

    @Test
    void malformedHeadersAreBadRequests() {
        for (String header : new String[] {"filename !!!", "filename YQ==,filename Yg==", "a b c", " , "}) {
            assertThatThrownBy(() -> UploadMetadata.parse(header)).as(header).isInstanceOf(HuddleException.class);
        }
    }
}
