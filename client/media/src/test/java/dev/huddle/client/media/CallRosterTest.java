package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class CallRosterTest {

    private static JsonObject member(int session, long userId, String name, boolean mic, boolean camera, boolean screen) {
        return new JsonObject().put("sessionId", session).put("userId", userId).put("username", name).put("mic", mic)
            .put("camera", camera).put("screen", screen);
    }

    private static JsonObject event(String type, long projectId, JsonObject member) {
        return new JsonObject().put("type", type).put("projectId", projectId).put("relayId", "relay-1")
            .put("at", "2024-10-30T09:21:00Z").put("member", member);
    }

    @Test
    void membersFollowTheCallEventsOfItsRoomOnly() {
        CallRoster roster = new CallRoster(7);
        roster.reset(new JsonObject().put("projectId", 7).put("members",
            new JsonArray().add(member(65537, 1, "alice", true, true, false))));

        assertThat(roster.apply("call_joined", event("call_joined", 7, member(65538, 2, "bob", true, true, false))))
            .isTrue();
        assertThat(roster.apply("call_state", event("call_state", 7, member(65538, 2, "bob", false, false, true))))
            .isTrue();
        assertThat(roster.apply("call_joined", event("call_joined", 8, member(65539, 3, "carol", true, true, false))))
            .isFalse();

        assertThat(roster.members()).containsExactly(new CallMember(65537, 1, "alice", true, true, false),
            new CallMember(65538, 2, "bob", false, false, true));
        assertThat(roster.username(65538)).isEqualTo("bob");
        assertThat(roster.username(65539)).isNull();

        roster.apply("call_left", event("call_left", 7, member(65537, 1, "alice", true, true, false)));
        assertThat(roster.members()).extracting(CallMember::username).containsExactly("bob");
    }

    @Test
    void aRejoinReplacesTheUsersEarlierSession() {
        CallRoster roster = new CallRoster(7);
        roster.apply("call_joined", event("call_joined", 7, member(65538, 2, "bob", true, true, false)));
        roster.apply("call_joined", event("call_joined", 7, member(65600, 2, "bob", true, true, false)));

        assertThat(roster.members()).extracting(CallMember::sessionId).containsExactly(65600);
    }

    @Test
    void malformedOrForeignEventsChangeNothing() {
        CallRoster roster = new CallRoster(7);

        assertThat(roster.apply("chat", new JsonObject().put("projectId", 7))).isFalse();
        assertThat(roster.apply("call_joined", new JsonObject().put("projectId", "7"))).isFalse();
        assertThat(roster.apply("call_joined", new JsonObject().put("projectId", 7))).isFalse();
        assertThat(roster.apply("call_joined", event("call_joined", 7, new JsonObject().put("sessionId", 1)))).isFalse();
        roster.reset(new JsonObject().put("members", new JsonArray().add("bob").add(new JsonObject())));

        assertThat(roster.members()).isEmpty();
    }

    @Test
    void audioLevelIsTheRmsOfFullScaleAndSilenceForAGap() {
        byte[] loud = new byte[AudioSource.FRAME_BYTES];
        for (int i = 0; i < loud.length; i += 2) {
            loud[i] = (byte) 0xFF;
            loud[i + 1] = (byte) 0x7F; // 32767 every sample
        }

        assertThat(AudioLevel.rms(null)).isZero();
        assertThat(AudioLevel.rms(new byte[AudioSource.FRAME_BYTES])).isZero();
        assertThat(AudioLevel.rms(loud)).isEqualTo(1.0);
        assertThat(AudioLevel.rms(new ToneSource(440).next())).isBetween(0.15, 0.20); // 8,000 peak: 0.17
    }
}
