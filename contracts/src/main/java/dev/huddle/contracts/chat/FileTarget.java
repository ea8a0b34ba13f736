package dev.huddle.contracts.chat;

/**
 * Where a file goes, or whose files to list: a project's room or a direct conversation with one
 * user. Written the same way everywhere (line protocol, WebSocket frames, tus {@code Upload-Metadata},
 * huddle-cli): the project id in digits ({@code 7}) or {@code @} and a username ({@code @bob}).
 */
public sealed interface FileTarget {

    /** A project's room. */
    record Room(long projectId) implements FileTarget {
        public Room {
            if (projectId < 1) {
                throw new IllegalArgumentException("project id must be a positive integer");
            }
        }

        @Override
        public String toString() {
            return Long.toString(projectId);
        }
    }

    /** The direct conversation between the caller and {@code username}. */
    record User(String username) implements FileTarget {
        public User {
            if (username == null || username.isEmpty() || username.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("a username after @ is required");
            }
        }

        @Override
        public String toString() {
            return "@" + username;
        }
    }

    /**
     * Reads the written form.
     *
     * @throws IllegalArgumentException for anything but a positive id or {@code @username}
     */
    static FileTarget parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a target is required: a project id or @username");
        }
        if (text.charAt(0) == '@') {
            return new User(text.substring(1));
        }
        boolean digits = text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw new IllegalArgumentException("target must be a project id or @username, not '" + text + "'");
        }
        return new Room(Long.parseLong(text));
    }
}
