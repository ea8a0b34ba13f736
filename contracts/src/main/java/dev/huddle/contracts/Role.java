package dev.huddle.contracts;

import java.util.Locale;

/**
 * What an account may do. Travels on the wire (JSON, tokens, the line protocol) as its
 * {@linkplain #wireName() wire name}, never as the Java constant name.
 */
public enum Role {
    /** An ordinary account: its own rooms, chats and calls. */
    USER("user"),
    /** May list users, see every room and remove rooms or members. */
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in JSON, token claims and protocol replies: {@code "user"} or {@code "admin"}. */
    public String wireName() {
        return wireName;
    }

    /** @return {@code true} for {@link #ADMIN} */
    public boolean isAdmin() {
        return this == ADMIN;
    }

    /**
     * Reads a role from its wire name, ignoring case.
     *
     * @throws IllegalArgumentException if {@code wireName} is null or names no role
     */
    public static Role fromWire(String wireName) {
        if (wireName != null) {
            String wanted = wireName.toLowerCase(Locale.ROOT);
            for (Role role : values()) {
                if (role.wireName.equals(wanted)) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("unknown role: " + wireName);
    }
}
