package dev.huddle.contracts.chat;

import dev.huddle.contracts.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;

/**
 * Typed reads of one request frame's fields for {@link JsonCommandCodec}. Only presence and JSON
 * types are checked here, with messages naming the JSON field; the value rules belong to the
 * {@link Command} records.
 */
final class JsonFields {

    private final Verb verb;
    private final JsonObject frame;
    private final String sessionToken;

    JsonFields(Verb verb, JsonObject frame, String sessionToken) {
        this.verb = verb;
        this.frame = frame;
        this.sessionToken = sessionToken;
    }

    /** The frame's token, else the session's; INVALID_TOKEN when there is neither. */
    String token() {
        String own = optionalString("token");
        if (own != null) {
            return own;
        }
        if (sessionToken == null) {
            throw new LineProtocolException(verb.word(), ErrorCode.INVALID_TOKEN,
                "token required: send {\"command\":\"auth\",\"token\":...} first or put \"token\" in the frame");
        }
        return sessionToken;
    }

    String string(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    String optionalString(String field) {
        return switch (frame.getValue(field)) {
            case null -> null;
            case String text -> text;
            default -> throw wrongType(field, "a string");
        };
    }

    long id(String field) {
        Long value = optionalId(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** An integer; one too big for a {@code long} reads as -1, which the value rules then refuse. */
    Long optionalId(String field) {
        return switch (frame.getValue(field)) {
            case null -> null;
            case Integer n -> n.longValue();
            case Long n -> n;
            case Short n -> n.longValue();
            case Byte n -> n.longValue();
            case BigInteger n -> n.bitLength() < Long.SIZE ? n.longValue() : -1L;
            default -> throw wrongType(field, "an integer");
        };
    }

    /** The page size, or null; out-of-range values (beyond an int too) fail the range rule. */
    Integer limit() {
        Long value = optionalId("limit");
        return value == null ? null : Checks.limit(verb, value);
    }

    /** A string as typed, or an array of strings joined as {@code "a, b"} (room-service splits it). */
    String members() {
        return switch (frame.getValue("members")) {
            case null -> throw missing("members");
            case String text -> text;
            case JsonArray array -> {
                StringBuilder joined = new StringBuilder();
                for (Object name : array) {
                    if (!(name instanceof String text)) {
                        throw wrongType("members", "a string or an array of strings");
                    }
                    joined.append(joined.isEmpty() ? "" : ", ").append(text);
                }
                yield joined.toString();
            }
            default -> throw wrongType("members", "a string or an array of strings");
        };
    }

    private LineProtocolException missing(String field) {
        return LineProtocolException.badRequest(verb, field + " required");
    }

    private LineProtocolException wrongType(String field, String what) {
        return LineProtocolException.badRequest(verb, field + " must be " + what);
    }
}
