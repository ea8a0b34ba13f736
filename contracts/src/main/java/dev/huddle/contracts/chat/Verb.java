package dev.huddle.contracts.chat;

import java.util.Optional;

/**
 * The command words of the chat protocol, one per {@link Command} record, in the order {@code help}
 * lists them. The word is what a line starts with ({@code add_group ...}), what a WebSocket frame
 * names in {@code "command"}, and what replies echo ({@code OK add_group ...}).
 */
public enum Verb {
    REG("reg", "reg <username> <password> [<email>]", "create an account"),
    LOGIN("login", "login <username> <password> [<code>]",
        "log in; the reply carries your token (<code>: with two-factor login on, a TOTP or recovery code)"),
    LOGOUT("logout", "logout <token>", "revoke the token everywhere"),
    WHOAMI("whoami", "whoami <token>", "who the token belongs to"),
    AUTH("auth", "auth <token>", "check a token; on WebSocket it becomes the session token"),
    PASSWD("passwd", "passwd <token> <current_password> <new_password>",
        "change your password; every other session of yours ends"),
    TOTP_ENROL("totp_enrol", "totp_enrol <token>", "start two-factor login: a secret for your authenticator app"),
    TOTP_CONFIRM("totp_confirm", "totp_confirm <token> <code>",
        "turn two-factor login on with a first code; the reply carries your recovery codes"),
    TOTP_DISABLE("totp_disable", "totp_disable <token> <password> <code>", "turn two-factor login off"),
    NEW_PROJECT("new_project", "new_project <token> <project_name>", "create a project (meeting room)"),
    PROJECTS("projects", "projects <token>", "the projects you own or belong to"),
    MEMBERS("members", "members <token> <project_id>", "who is in a project"),
    ADD_GROUP("add_group", "add_group <token> <project_id> <user1>, <user2>; <user3>",
        "add members by username (owner only)"),
    KICK("kick", "kick <token> <project_id> <username>", "remove a member (owner only)"),
    JOIN("join", "join <token> <project_id>", "open a room: receive its events"),
    LEAVE("leave", "leave <token> <project_id>", "leave a project"),
    CHAT("chat", "chat <token> <project_id> <message>", "say something in a room"),
    HISTORY("history", "history <token> <project_id> [limit] [before_id]", "a room's messages, oldest first"),
    DM("dm", "dm <token> <username> <message>", "send a direct message"),
    DM_HISTORY("dm_history", "dm_history <token> <username> [limit] [before_id]",
        "direct messages with one user, oldest first"),
    DM_THREADS("dm_threads", "dm_threads <token>",
        "your direct-message conversations, the one with the newest message first"),
    UPLOAD("upload", "upload <token> <project_id|@username> <size> <sha256> <filename>",
        "send a file: after READY, exactly <size> raw bytes"),
    DOWNLOAD("download", "download <token> <file_id>", "fetch a file: the OK line, then its raw bytes"),
    FILES("files", "files <token> <project_id|@username> [limit] [before_id]", "a room's or a conversation's files, newest first"),
    DELETE_FILE("delete_file", "delete_file <token> <file_id>", "remove a file (uploader, room owner or admin)"),
    CALL_JOIN("call_join", "call_join <token> <project_id>",
        "join the room's call: the media relay to use and a single-use ticket for it"),
    CALL_MEMBERS("call_members", "call_members <token> <project_id>", "who is in the room's call, muted or not"),
    CALL_INVITE("call_invite", "call_invite <token> <project_id>",
        "ask everyone who has the room open to join its call (EVENT call_invite)"),
    HELP("help", "help", "list the commands"),
    QUIT("quit", "quit", "close the connection");

    private final String word;
    private final String usage;
    private final String summary;

    Verb(String word, String usage, String summary) {
        this.word = word;
        this.usage = usage;
        this.summary = summary;
    }

    /** The lower-case command word, e.g. {@code add_group}. */
    public String word() {
        return word;
    }

    /** The line form's shape, e.g. {@code members <token> <project_id>}; error messages quote it. */
    public String usage() {
        return usage;
    }

    /** What the command does, in a few words (for {@code help}). */
    public String summary() {
        return summary;
    }

    /**
     * The verb for a command word, ignoring ASCII case only: {@code CHAT} and {@code Chat} are
     * {@code chat}, but look-alike letters from other scripts never match.
     */
    public static Optional<Verb> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (Verb verb : values()) {
            if (asciiEqualsIgnoreCase(verb.word, word)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }

    // String.equalsIgnoreCase also folds non-ASCII letters (the Kelvin sign matches 'k'); commands are ASCII.
    private static boolean asciiEqualsIgnoreCase(String lower, String candidate) {
        if (lower.length() != candidate.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = candidate.charAt(i);
            char folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (folded != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
