package dev.huddle.auth.account;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.util.Objects;

/**
 * An input was refused (answered as BAD_REQUEST). {@link #field()} names the input as the client
 * sent it (e.g. {@code "username"}), the message says what is wrong in words fit to show the user.
 */
public final class ValidationException extends HuddleException {

    private final String field;

    public ValidationException(String field, String message) {
        super(ErrorCode.BAD_REQUEST, message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The name of the refused input. */
    public String field() {
        return field;
    }
}
