package dev.huddle.room.project;

import dev.huddle.contracts.HuddleException;

/** What a project name must look like. */
public final class ProjectRules {

    /** The most code points a name may have, after trimming. */
    public static final int NAME_MAX = 255;

    private ProjectRules() {
    }

    /**
     * Checks a project name. White space around it is trimmed first (so a trailing newline from a
     * line-based client is harmless); what remains must be 1 to {@value #NAME_MAX} code points (an
     * emoji counts as one) and contain no control character or line/paragraph separator, since a
     * name is echoed inside one-line protocol replies and log entries.
     *
     * @return the trimmed name, the form to store
     * @throws HuddleException BAD_REQUEST otherwise
     */
    public static String validateName(String name) {
        String trimmed = name == null ? "" : name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > NAME_MAX) {
            throw HuddleException.badRequest("project name must be 1–" + NAME_MAX + " characters");
        }
        if (trimmed.codePoints().anyMatch(ProjectRules::breaksALine)) {
            throw HuddleException.badRequest("project name must not contain control characters or line breaks");
        }
        return trimmed;
    }

    private static boolean breaksALine(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
