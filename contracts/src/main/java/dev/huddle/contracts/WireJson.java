package dev.huddle.contracts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Strict reads of payload fields for the decoders in this module: a missing field, a wrong JSON type
 * or an unreadable instant is a {@link HuddleException} BAD_REQUEST naming the field, never a
 * {@code NullPointerException} or {@code ClassCastException} in whoever reads the payload.
 */
public final class WireJson {

    private WireJson() {
    }

    /** An integral number that fits a {@code long}. */
    public static long id(JsonObject json, String field) {
        if (value(json, field) instanceof Number n && (n instanceof Integer || n instanceof Long
            || n instanceof Short || n instanceof Byte)) {
            return n.longValue();
        }
        throw malformed(field, "an integer");
    }

    public static String text(JsonObject json, String field) {
        if (value(json, field) instanceof String text) {
            return text;
        }
        throw malformed(field, "a string");
    }

    public static boolean flag(JsonObject json, String field) {
        if (value(json, field) instanceof Boolean flag) {
            return flag;
        }
        throw malformed(field, "true or false");
    }

    /** An ISO-8601 instant as {@link Instant#toString()} writes it. */
    public static Instant instant(JsonObject json, String field) {
        try {
            return Instant.parse(text(json, field));
        } catch (DateTimeParseException e) {
            throw malformed(field, "an ISO-8601 instant");
        }
    }

    public static JsonObject object(JsonObject json, String field) {
        if (value(json, field) instanceof JsonObject object) {
            return object;
        }
        throw malformed(field, "an object");
    }

    /** An array of objects, each read with {@code read}. */
    public static <T> List<T> list(JsonObject json, String field, Function<JsonObject, T> read) {
        if (!(value(json, field) instanceof JsonArray array)) {
            throw malformed(field, "an array");
        }
        List<T> items = new ArrayList<>(array.size());
        for (Object item : array) {
            if (!(item instanceof JsonObject object)) {
                throw malformed(field, "an array of objects");
            }
            items.add(read.apply(object));
        }
        return List.copyOf(items);
    }

    /** A list as a JSON array of the items' JSON. */
    public static <T> JsonArray array(List<T> items, Function<T, JsonObject> write) {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(write.apply(item)));
        return array;
    }

    private static Object value(JsonObject json, String field) {
        if (json == null) {
            throw HuddleException.badRequest("malformed payload: no JSON object");
        }
        return json.getValue(field);
    }

    private static HuddleException malformed(String field, String what) {
        return HuddleException.badRequest("malformed payload: " + field + " must be " + what);
    }
}
