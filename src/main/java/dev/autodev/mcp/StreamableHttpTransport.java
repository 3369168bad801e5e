package dev.autodev.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's Streamable HTTP transport, stateless: every POST carries one JSON-RPC message and is answered on its own,
 * so there are no sessions to lose on a restart and no server stream (GET is 405, which clients accept).
 *
 * <p>The SDK's own servlets do not fit our two clients: both refuse a POST whose Accept lacks
 * {@code text/event-stream}, which is all Codex sends, and the stateless one answers a tool call only when it is
 * done, which Claude Code gives up on after 60 s. So this one answers by what the client accepts: a tool call from
 * a client that takes {@code text/event-stream} streams ({@link SseResponse}), everything else is plain JSON.
 *
 * <p>Each request runs on its own Tomcat thread (virtual threads are on), and the tool runs right there (the
 * server is built with immediate execution), so a call that blocks for minutes holds no pooled thread.
 */
class StreamableHttpTransport extends HttpServlet implements McpStatelessServerTransport {

    private static final Logger log = LoggerFactory.getLogger(StreamableHttpTransport.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final McpJsonMapper json;
    private final Duration heartbeatInterval;
    private final ToolCatalog catalog;
    private volatile McpStatelessServerHandler handler;
    private volatile boolean closing;

    StreamableHttpTransport(McpJsonMapper json, Duration heartbeatInterval, ToolCatalog catalog) {
        this.json = json;
        this.heartbeatInterval = heartbeatInterval;
        this.catalog = catalog;
    }

    /** The SDK's handler, with each run's tools/list narrowed to the tools it is offered. */
    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = new PerRunToolList(handler, catalog);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closing = true);
    }

    /** No server-to-client stream in a stateless server; the spec lets us say so with 405. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "POST");
    }

    /** There is no session to end. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        doGet(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (closing || handler == null) {
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCodes.INTERNAL_ERROR, "the orchestrator is shutting down");
            return;
        }
        if (!isJson(request.getContentType())) {
            error(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCodes.INVALID_REQUEST, "Content-Type must be application/json");
            return;
        }
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !protocolVersions().contains(version)) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "unsupported MCP-Protocol-Version " + version + "; supported: " + String.join(", ", protocolVersions()));
            return;
        }
        byte[] body = body(request);
        if (body.length > MAX_BODY_BYTES) {
            error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCodes.INVALID_REQUEST, "message larger than 16 MiB");
            return;
        }
        JSONRPCMessage message;
        try {
            message = JsonRpcMessages.read(json, body);
        } catch (IOException | RuntimeException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, ErrorCodes.PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage());
            return;
        }
        McpTransportContext context = Callers.context(request);
        switch (message) {
            case JSONRPCRequest call -> answer(call, context, request, response);
            case JSONRPCNotification notification -> {
                try {
                    handler.handleNotification(context, notification).block();
                } catch (RuntimeException e) {
                    // Nobody waits for the outcome of a notification, so there is no one to tell.
                    log.warn("MCP notification {} failed", notification.method(), e);
                }
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
            }
            // A stateless server sends no requests, so a client's response has nothing to answer.
            default -> response.setStatus(HttpServletResponse.SC_ACCEPTED);
        }
    }

    private void answer(JSONRPCRequest call, McpTransportContext context, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        if (McpSchema.METHOD_TOOLS_CALL.equals(call.method()) && acceptsEventStream(request)) {
            try (SseResponse stream = SseResponse.open(response, json, progressToken(call), heartbeatInterval)) {
                stream.finish(handle(call, context));
            }
            return;
        }
        byte[] answer = json.writeValueAsBytes(handle(call, context));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** The SDK turns failures into JSON-RPC errors itself; this only guards against one escaping anyway. */
    private JSONRPCResponse handle(JSONRPCRequest call, McpTransportContext context) {
        try {
            return handler.handleRequest(context, call).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        } catch (RuntimeException e) {
            log.warn("MCP request {} failed", call.method(), e);
            return JSONRPCResponse.error(call.id(), new JSONRPCError(ErrorCodes.INTERNAL_ERROR, "internal error: " + e.getMessage()));
        }
    }

    /**
     * The request body, at most one byte past the limit. Clients send a Content-Length, so the body is read into an
     * array of its size: reading up to the limit instead would allocate a 16 KiB buffer for every small call.
     */
    private static byte[] body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length < 0 || length > MAX_BODY_BYTES) return request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        byte[] body = new byte[(int) length];
        int read = request.getInputStream().readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static boolean acceptsEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    private static Object progressToken(JSONRPCRequest call) {
        if (call.params() instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta) {
            return meta.get("progressToken");
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /**
     * A JSON-RPC error for a message that could not be read, so it has no id to answer to: the protocol says the id is
     * then null, which the SDK's response record does not allow, so the body is written here.
     */
    private void error(HttpServletResponse response, int status, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", null);
        error.put("error", Map.of("code", code, "message", message));
        byte[] body = json.writeValueAsBytes(error);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
