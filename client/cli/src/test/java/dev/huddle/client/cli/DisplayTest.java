package dev.huddle.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTest {

    // event line | what huddle-cli prints for it (fields the display does not read are left out)
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        EVENT chat {"projectId":1,"id":10,"userId":1,"username":"alice","text":"hi","createdAt":"2024-10-30T09:15:02.114Z"} \
            | alice: hi - 2024-10-30T09:15:02.114Z
        EVENT dm {"id":3,"from":{"id":1,"username":"alice"},"to":{"id":2,"username":"bob"},"text":"psst","createdAt":"2024-10-30T09:16:00Z"} \
            | [dm] alice: psst - 2024-10-30T09:16:00Z
        EVENT joined {"projectId":1,"username":"bob"} | * bob joined
        EVENT left {"projectId":1,"username":"bob"}   | * bob left
        EVENT here {"projectId":1,"users":[{"id":2,"username":"bob"},{"id":3,"username":"carol"}]} \
            | * already here: bob, carol
        EVENT member_added {"projectId":1,"user":{"username":"bob"},"by":{"username":"alice"}} \
            | * bob was added by alice
        EVENT member_removed {"user":{"username":"bob"},"reason":"kicked","by":{"username":"alice"}} \
            | * bob was removed by alice
        EVENT member_removed {"user":{"username":"bob"},"reason":"left","by":{"username":"bob"}} \
            | * bob left the project
        EVENT owner_changed {"previousOwner":{"username":"alice"},"newOwner":{"username":"carol"}} \
            | * carol is now the owner
        EVENT project_renamed {"projectId":1,"name":"Launch v2","by":{"username":"alice"}} \
            | * the project was renamed to "Launch v2" by alice
        EVENT project_deleted {"projectId":1,"by":{"username":"alice"}} | * the project was deleted by alice
        EVENT closing {"reason":"too slow: outbound queue full"} \
            | * the server is closing the connection: too slow: outbound queue full
        EVENT chat {"id":10,"username":"alice"} | * unreadable message {"id":10,"username":"alice"}
        EVENT something_new {"a":1}                           | * something_new {"a":1}
        """)
    void eventIsShownAsOneLine(String line, String shown) {
        assertThat(Display.event((Reply.Event) LineReply.parse(line))).isEqualTo(shown);
    }
}
