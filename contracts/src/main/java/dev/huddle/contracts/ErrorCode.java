package dev.huddle.contracts;

/**
 * Stable error codes: what a client may branch on. They appear as {@code {"code": ..., "message": ...}}
 * in HTTP and WebSocket answers and as {@code ERR <command> <CODE> <message>} on the line protocol.
 * The HTTP status is what the HTTP APIs answer with; the code never changes once published.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    /** A new password that is too easy to guess: a common password, a name, a word, a pattern. */
    WEAK_PASSWORD(400),
    UNKNOWN_COMMAND(400),
    INVALID_CREDENTIALS(401),
    INVALID_TOKEN(401),
    /** The password was right, but the account has two-factor login on: send a TOTP or recovery code too. */
    TOTP_REQUIRED(401),
    FORBIDDEN(403),
    /** A registration named a setup code that is wrong, or the server has an admin already. */
    INVALID_SETUP_CODE(403),
    NOT_OWNER(403),
    NOT_MEMBER(403),
    NOT_FOUND(404),
    UNKNOWN_USER(404),
    /** HTTP only: the path exists but not with this method. */
    METHOD_NOT_ALLOWED(405),
    USERNAME_TAKEN(409),
    EMAIL_TAKEN(409),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    /** HTTP only: the request line (method and URI) is longer than the server reads. */
    URI_TOO_LONG(414),
    /** HTTP only: the request's headers are larger than the server reads. */
    HEADERS_TOO_LARGE(431),
    /** A file larger than the server's per-file limit, refused before any byte of it is read. */
    TOO_LARGE(413),
    /** A file that would take its uploader past their storage quota. */
    QUOTA_EXCEEDED(413),
    /** A file whose bytes did not add up to the size declared before sending them. */
    SIZE_MISMATCH(400),
    /** A file (or a tus chunk) whose SHA-256 / checksum is not the one declared; 460 is tus's status for it. */
    CHECKSUM_MISMATCH(460),
    /** HTTP only: a JSON endpoint sent a body that does not say {@code Content-Type: application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code for a name received over the wire; unknown names map to {@link #INTERNAL}. */
    public static ErrorCode fromName(String name) {
        for (ErrorCode code : values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return INTERNAL;
    }
}
