package dev.autodev.mcp;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads tool arguments with errors the model can act on ("files: required"). */
public final class ToolArguments {

    private ToolArguments() {}

    public static String requiredString(JsonNode args, String name) {
        JsonNode value = args.path(name);
        if (!value.isString() || value.asString().isBlank()) throw new ToolError(name + ": required, a non-empty string");
        return value.asString();
    }

    public static String optionalString(JsonNode args, String name) {
        JsonNode value = args.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.isString()) throw new ToolError(name + ": must be a string");
        return value.asString();
    }

    public static Long optionalLong(JsonNode args, String name) {
        JsonNode value = args.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.isNumber() || !value.canConvertToLong()) throw new ToolError(name + ": must be a whole number");
        return value.asLong();
    }

    public static Integer optionalInt(JsonNode args, String name) {
        Long value = optionalLong(args, name);
        return value == null ? null : Math.toIntExact(value);
    }

    /** A boolean; models often send "true" as a string, which is accepted too. */
    public static Boolean optionalBoolean(JsonNode args, String name) {
        JsonNode value = args.path(name);
        if (value.isMissingNode() || value.isNull()) return null;
        if (value.isBoolean()) return value.asBoolean();
        if (value.isString() && (value.asString().equals("true") || value.asString().equals("false"))) {
            return Boolean.parseBoolean(value.asString());
        }
        throw new ToolError(name + ": must be true or false");
    }

    /** A list of strings; a single string is accepted as a list of one, because models often send that. */
    public static List<String> stringList(JsonNode args, String name, boolean required) {
        JsonNode value = args.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) throw new ToolError(name + ": required, a list of strings");
            return List.of();
        }
        if (value.isString()) return List.of(value.asString());
        if (!value.isArray()) throw new ToolError(name + ": must be a list of strings");
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString() || item.asString().isBlank()) throw new ToolError(name + ": every item must be a non-empty string");
            items.add(item.asString());
        }
        if (required && items.isEmpty()) throw new ToolError(name + ": must not be empty");
        return items;
    }
}
