package dev.huddle.server.bus;

import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of request fields; a wrong type is a BAD_REQUEST naming the field. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The string value, or {@code null} when absent. */
    public static String text(JsonObject json, String field) {
        Object value = json == null ? null : json.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw HuddleException.badRequest(field + " must be a string");
    }

    public static String requiredText(JsonObject json, String field) {
        String value = text(json, field);
        if (value == null || value.isBlank()) {
            throw HuddleException.badRequest(field + " is required");
        }
        return value;
    }

    public static long requiredId(JsonObject json, String field) {
        Object value = json == null ? null : json.getValue(field);
        if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
            return n.longValue();
        }
        throw HuddleException.badRequest(field + " must be a positive whole number");
    }

    /** A list of strings; absent is empty. */
    public static List<String> texts(JsonObject json, String field) {
        Object value = json == null ? null : json.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw HuddleException.badRequest(field + " must be a list of strings");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (Object item : array) {
            if (!(item instanceof String s)) {
                throw HuddleException.badRequest(field + " must be a list of strings");
            }
            texts.add(s);
        }
        return texts;
    }

    /** A positive id from a path parameter. */
    public static long pathId(String raw, String name) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw HuddleException.badRequest(name + " must be a positive whole number");
    }
}
