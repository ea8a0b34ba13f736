package dev.huddle.room.project;

import dev.huddle.contracts.room.Projects;
import java.util.Objects;

/**
 * What became of one requested username when adding members.
 *
 * @param username the user's username as auth-service has it, or the name as typed if nobody has it
 * @param outcome  added, already a member, or no such user
 */
public record AddResult(String username, Outcome outcome) {

    /** The per-name outcomes an add reports; unknown names never fail the whole request. */
    public enum Outcome {
        ADDED("added"),
        ALREADY_MEMBER("already_member"),
        UNKNOWN_USER("unknown_user");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        /** {@code "added"}, {@code "already_member"} or {@code "unknown_user"}. */
        public String wireName() {
            return wireName;
        }
    }

    public AddResult {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** As the answer names it ({@link Projects.Outcome}): {@code {"username":"bob","result":"added"}}. */
    public Projects.Outcome toWire() {
        return new Projects.Outcome(username, outcome.wireName());
    }
}
