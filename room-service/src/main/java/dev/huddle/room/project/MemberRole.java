package dev.huddle.room.project;

import java.util.Locale;

/**
 * A member's place in a project. Travels on the wire and in the database as its
 * {@linkplain #wireName() wire name}, never as the Java constant name.
 */
public enum MemberRole {
    /** The one member who may add, kick, rename, hand over and delete. */
    OWNER("owner"),
    /** Sees the project, chats and calls in it, may leave. */
    MEMBER("member");

    private final String wireName;

    MemberRole(String wireName) {
        this.wireName = wireName;
    }

    /** {@code "owner"} or {@code "member"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a role from its wire name, ignoring case.
     *
     * @throws IllegalArgumentException if {@code wireName} is null or names no role
     */
    public static MemberRole fromWire(String wireName) {
        if (wireName != null) {
            String wanted = wireName.toLowerCase(Locale.ROOT);
            for (MemberRole role : values()) {
                if (role.wireName.equals(wanted)) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("unknown member role: " + wireName);
    }
}
