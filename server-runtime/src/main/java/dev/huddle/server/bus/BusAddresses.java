package dev.huddle.server.bus;

/**
 * Every event-bus address in Huddle, in one place. Addresses are lowercase and dotted:
 * {@code huddle.<owner>.<operation>}. The owner service registers the consumer; everyone else only
 * sends. Bodies are JSON objects; their fields are documented on the constant. Huddle keeps no data
 * of its own in Hazelcast's maps (docs/SECURITY.md).
 */
public final class BusAddresses {

    private BusAddresses() {
    }

    /** {@code {token}} → principal {@code {userId, username, role, tokenId, expiresAt}}. */
    public static final String AUTH_VERIFY = "huddle.auth.verify";
    /** {@code {username, email, password, setupCode?}} → user {@code {id, username, email, role, createdAt}}. */
    public static final String AUTH_REGISTER = "huddle.auth.register";
    /**
     * {@code {username, password, totp?, address}} → {@code {token, expiresAt, user}}; TOTP_REQUIRED
     * when the account has two-factor login on and no {@code totp} code came.
     */
    public static final String AUTH_LOGIN = "huddle.auth.login";
    /**
     * {@code {token, currentPassword, newPassword, address}} → {@code {passwordChanged, tokensRevoked}};
     * the user's other tokens are revoked on every node before the answer.
     */
    public static final String AUTH_PASSWORD = "huddle.auth.password";
    /** {@code {token}} → {@code {secret, otpauthUri}}: starts two-factor enrolment. */
    public static final String AUTH_TOTP_ENROL = "huddle.auth.totp.enrol";
    /** {@code {token, totp}} → {@code {enabled: true, recoveryCodes}}. */
    public static final String AUTH_TOTP_CONFIRM = "huddle.auth.totp.confirm";
    /** {@code {token, password, totp, address}} → {@code {enabled: false}}. */
    public static final String AUTH_TOTP_DISABLE = "huddle.auth.totp.disable";
    /** {@code {token}} → {@code {}}; the token is revoked on every node before the answer. */
    public static final String AUTH_LOGOUT = "huddle.auth.logout";
    /** {@code {usernames: [..]}} → {@code {users: [user..], unknown: [name..]}}, case-insensitive. */
    public static final String AUTH_USERS_RESOLVE = "huddle.auth.users.resolve";
    /** {@code {id}} or {@code {username}} → user, or fails UNKNOWN_USER. */
    public static final String AUTH_USERS_GET = "huddle.auth.users.get";

    /**
     * {@code {since: revision}} → a {@code TrustUpdate}: the token signing keys that verify and the
     * revocations after {@code since} (all of them for {@code since = -1}).
     */
    public static final String AUTH_TRUST_SYNC = "huddle.auth.trust.sync";
    /**
     * Prefix of each node's own trust address ({@code huddle.auth.trust-update.<nodeId>}): auth-service
     * pushes each change (revocations, key rotation or retirement) as a {@code TrustUpdate}, answered
     * {@code {revision}} once the node applies it.
     */
    public static final String AUTH_TRUST_UPDATE_PREFIX = "huddle.auth.trust-update.";

    /** Published by room-service after each committed change: a {@code RoomEvent} as JSON. */
    public static final String ROOM_EVENTS = "huddle.room.events";
    /** {@code {projectId, userId}} → {@code {member: true|false, role: "owner"|"member"|null}}. Hot path. */
    public static final String ROOM_MEMBERSHIP = "huddle.room.membership";
    /** {@code {projectId}} → {@code {projectId, members: [{id, username, role}]}} or NOT_FOUND. */
    public static final String ROOM_MEMBERS = "huddle.room.members";
    /** {@code {userId}} → {@code {projectIds: [..]}}. */
    public static final String ROOM_PROJECTS_OF = "huddle.room.projects-of";
    /**
     * Prefix of the room operations the line protocol forwards ({@code huddle.room.op.<operation>}):
     * body {@code {token, ...}}, the caller's own token (room-service verifies it), and the same
     * fields and answers as the HTTP API.
     */
    public static final String ROOM_OP_PREFIX = "huddle.room.op.";

    /**
     * Prefix of a room's live feed ({@code huddle.chat.room.<projectId>}), published by chat-service
     * instances and consumed by each instance that has a connection in that room:
     * {@code {type: "chat"|"joined"|"left", data: {...}}}.
     */
    public static final String CHAT_ROOM_PREFIX = "huddle.chat.room.";
    /**
     * Prefix of a user's live feed ({@code huddle.chat.user.<userId>}), consumed by each chat-service
     * instance holding a connection of that user: {@code {type: "dm", data: {...}}}.
     */
    public static final String CHAT_USER_PREFIX = "huddle.chat.user.";

    /**
     * A member joins a room's call: {@code {token, projectId}} (the member's own token, verified by
     * room-service) → {@code {projectId, relay: {id, host, port}, ticket (base64url), expiresAt,
     * keepaliveSeconds}}; NOT_MEMBER, NOT_FOUND, or
     * UNAVAILABLE when no relay is alive. Logged like the HTTP {@code POST /api/projects/{id}/call}.
     */
    public static final String ROOM_CALL_JOIN = "huddle.room.call.join";
    /**
     * Who is in a room's call: {@code {token, projectId}} → {@code {projectId, relayId, members:
     * [{sessionId, userId, username, mic, camera, screen}]}} (empty when no call is running).
     */
    public static final String ROOM_CALL_MEMBERS = "huddle.room.call.members";
    /**
     * room-service's media ticket verification key: {@code {}} → {@code {keyId, publicKey}} (16 hex
     * characters; base64 X.509 Ed25519). Relays ask for it here, never in a cluster map.
     */
    public static final String ROOM_CALL_TICKET_KEY = "huddle.room.call.ticket-key";

    /**
     * Published by every media relay each heartbeat: a {@code RelayAnnouncement} as JSON (id,
     * advertised address, load, its rooms; {@code leaving: true} when it stops). room-service keeps
     * the registry of live relays from it.
     */
    public static final String MEDIA_RELAYS = "huddle.media.relays";
    /** Published by media relays: a {@code CallEvent} as JSON (call_joined, call_left, call_state). */
    public static final String MEDIA_CALL_EVENTS = "huddle.media.call.events";
    /**
     * Prefix of a relay's own query address ({@code huddle.media.relay.<relayId>.members}):
     * {@code {projectId}} → {@code {projectId, relayId, members: [...]}} as in {@link #ROOM_CALL_MEMBERS}.
     */
    public static final String MEDIA_RELAY_PREFIX = "huddle.media.relay.";

    public static String trustUpdateAddressOf(String nodeId) {
        return AUTH_TRUST_UPDATE_PREFIX + nodeId;
    }

    public static String relayMembersAddressOf(String relayId) {
        return MEDIA_RELAY_PREFIX + relayId + ".members";
    }
}
