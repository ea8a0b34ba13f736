package dev.huddle.server.bus.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.media.CallEvent.CallMember;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallMessagesJsonTest {

    private static final Instant AT = Instant.parse("2024-10-30T09:15:02.114Z");
    private static final CallMember BOB = new CallMember(65_537, 2, "bob", true, false, false);

    @Test
    void callEventsRoundTripWithTheirWireType() {
        List<CallEvent> events = List.of(new CallEvent.Joined(7, "relay-1", BOB, AT),
            new CallEvent.Left(7, "relay-1", BOB, CallEvent.LeaveReason.TIMEOUT, AT),
            new CallEvent.StateChanged(7, "relay-1", BOB, AT));
        for (CallEvent event : events) {
            assertThat(CallEventJson.fromJson(CallEventJson.toJson(event))).isEqualTo(event);
        }
        assertThat(CallEventJson.toJson(events.get(1)).encode()).isEqualTo("{\"type\":\"call_left\",\"projectId\":7,"
            + "\"relayId\":\"relay-1\",\"at\":\"2024-10-30T09:15:02.114Z\",\"member\":{\"sessionId\":65537,"
            + "\"userId\":2,\"username\":\"bob\",\"mic\":true,\"camera\":false,\"screen\":false},\"reason\":\"timeout\"}");
    }

    @Test
    void malformedCallEventsAreBadRequests() {
        for (String json : List.of("{}", "{\"type\":\"call_joined\",\"projectId\":7}",
            "{\"type\":\"call_left\",\"projectId\":7,\"relayId\":\"r\",\"at\":\"2024-10-30T09:15:02Z\","
                + "\"member\":{\"sessionId\":1,\"userId\":2,\"username\":\"b\",\"mic\":true,\"camera\":true,"
                + "\"screen\":true},\"reason\":\"bored\"}")) {
            assertThatThrownBy(() -> CallEventJson.fromJson(new JsonObject(json))).isInstanceOf(HuddleException.class);
        }
    }

    @Test
    void relayAnnouncementsRoundTripAndRefuseAnAddressMissing() {
        RelayAnnouncement relay = new RelayAnnouncement("relay-1", "203.0.113.7", 10_000, 3, List.of(7L, 9L), 4_100,
            false, AT);
        assertThat(RelayAnnouncement.fromJson(relay.toJson())).isEqualTo(relay);
        assertThatThrownBy(() -> RelayAnnouncement.fromJson(relay.toJson().put("port", 0)))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> RelayAnnouncement.fromJson(relay.toJson().putNull("host")))
            .isInstanceOf(HuddleException.class);
    }
}
