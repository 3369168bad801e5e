package dev.autodev.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * Reads one JSON-RPC message. The SDK's own reader parses the text into a map and then converts that map into the
 * message record, a second pass over every call; requests and notifications, which are all a client sends here,
 * are built from the map directly. Anything else goes to the SDK's reader.
 */
final class JsonRpcMessages {

    private static final TypeRef<HashMap<String, Object>> FIELDS = new TypeRef<>() {};

    private JsonRpcMessages() {}

    /** The message in {@code body}; an {@link IOException} or {@link IllegalArgumentException} when it is not one. */
    static JSONRPCMessage read(McpJsonMapper json, byte[] body) throws IOException {
        HashMap<String, Object> fields = json.readValue(body, FIELDS);
        if (fields == null) throw new IllegalArgumentException("the body is JSON null");
        if (fields.containsKey("method")) {
            String version = text(fields, "jsonrpc");
            String method = text(fields, "method");
            Object params = fields.get("params");
            if (!fields.containsKey("id")) return new JSONRPCNotification(version, method, params);
            Object id = fields.get("id");
            if (!(id instanceof String || id instanceof Number)) {
                throw new IllegalArgumentException("a request id must be a string or a number");
            }
            return new JSONRPCRequest(version, method, id, params);
        }
        return McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
    }

    private static String text(HashMap<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof String text) return text;
        throw new IllegalArgumentException("\"" + name + "\" must be a string");
    }
}
