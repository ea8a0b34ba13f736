package dev.huddle.server.actionlog;

import java.util.Locale;
import java.util.Map;

/**
 * The human name written on the {@code ActionName:} line of an action-log block, derived from the
 * action type (the command word or route name that also names the log file).
 *
 * <p>Known types have fixed names ({@code reg} is "Register", {@code dm_history} is "Direct message
 * history"); any other type is shown with underscores turned into spaces and its first letter
 * capitalised ({@code upload_file} is "Upload file"), so a new command is logged readably before
 * anyone adds it here.
 */
public final class ActionNames {

    private static final String UNKNOWN = "Unknown";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("reg", "Register"),
            Map.entry("login", "Login"),
            Map.entry("logout", "Logout"),
            Map.entry("me", "Who am I"),
            Map.entry("whoami", "Who am I"),
            Map.entry("new_project", "New project"),
            Map.entry("add_group", "Add group members"),
            Map.entry("chat", "Chat"),
            Map.entry("projects", "List projects"),
            Map.entry("members", "List members"),
            Map.entry("history", "Chat history"),
            Map.entry("join", "Join room"),
            Map.entry("leave", "Leave room"),
            Map.entry("dm", "Direct message"),
            Map.entry("dm_history", "Direct message history"),
            Map.entry("dm_threads", "List direct message threads"),
            Map.entry("kick", "Kick member"),
            Map.entry("help", "Help"),
            Map.entry("quit", "Quit"),
            Map.entry("list_users", "List users"),
            Map.entry("passwd", "Change password"),
            Map.entry("change_password", "Change password"),
            Map.entry("totp_status", "Two-factor status"),
            Map.entry("totp_enrol", "Two-factor enrolment"),
            Map.entry("totp_confirm", "Two-factor confirmation"),
            Map.entry("totp_disable", "Two-factor off"),
            Map.entry("set_role", "Change role"),
            Map.entry("public_key", "Public key"),
            Map.entry("unknown", "Unknown"),
            Map.entry("refused", "Refused lines"));

    private ActionNames() {
    }

    /**
     * Returns the human name of an action type.
     *
     * @param actionType the action type, matched case-insensitively; {@code null} or blank gives
     *                   "Unknown"
     * @return the fixed name of a known type, otherwise the type made readable; never {@code null}
     */
    public static String of(String actionType) {
        if (actionType == null || actionType.isBlank()) {
            return UNKNOWN;
        }
        String type = actionType.strip().toLowerCase(Locale.ROOT);
        String known = NAMES.get(type);
        if (known != null) {
            return known;
        }
        // Runs collapse so a sanitised hostile type such as "______etc" still reads as a name.
        String words = type.replaceAll("_+", " ").strip();
        if (words.isEmpty()) {
            return UNKNOWN;
        }
        int first = words.codePointAt(0);
        return new StringBuilder(words.length())
                .appendCodePoint(Character.toUpperCase(first))
                .append(words, Character.charCount(first), words.length())
                .toString();
    }
}
