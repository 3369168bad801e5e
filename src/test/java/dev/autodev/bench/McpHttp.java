package dev.autodev.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One MCP client the way an agent's process talks to the orchestrator: JSON-RPC POSTs to {@code /mcp} over its own
 * keep-alive connection, one call at a time.
 *
 * <p>It is a minimal blocking HTTP/1.1 client on a plain socket, on purpose. The clients share the server's cores,
 * so whatever a client spends is taken from the server and shows up as server latency; {@code java.net.http} hands
 * every exchange between its caller, a selector thread and a worker pool, and with 32 clients those handoffs were a
 * fifth of the CPU the figures were meant to measure. This client spends one write and one read per call.
 */
final class McpHttp {

    static final String PROTOCOL_VERSION = "2025-06-18";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 120_000;

    private final URI uri;
    private final String headers;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long nextId = 1;

    /** {@code accept} is {@code application/json} for the Codex path, or with {@code text/event-stream} for Claude's. */
    McpHttp(String baseUrl, String token, String accept) {
        this.uri = URI.create(baseUrl + "/mcp");
        this.headers = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Content-Type: application/json\r\n"
                + "MCP-Protocol-Version: " + PROTOCOL_VERSION + "\r\n";
    }

    McpHttp(String baseUrl, String token) {
        this(baseUrl, token, "application/json");
    }

    /** A tool call's result and when, on {@link System#nanoTime}, its request started and its answer was in. */
    record Call(JsonNode result, long startNanos, long endNanos) {

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }

        /** The tool's answer: the text content, parsed as the JSON the orchestrator's tools return. */
        JsonNode payload() {
            return JSON.readTree(result.at("/content/0/text").asString());
        }
    }

    /** What came back for one POST: the status and the body, with a chunked body already put back together. */
    private record Reply(int status, String body) {}

    /** The handshake a real client does first: initialize, then the initialized notification. */
    void initialize() {
        JsonNode init = request("initialize", Map.of("protocolVersion", PROTOCOL_VERSION, "capabilities", Map.of(),
                "clientInfo", Map.of("name", "autodev-bench", "version", "0"))).result();
        if (!init.hasNonNull("protocolVersion")) throw new IllegalStateException("initialize answered " + init);
        int status = post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized")).status();
        if (status != 202) throw new IllegalStateException("notifications/initialized answered HTTP " + status);
    }

    /** JSON-RPC ping: the endpoint's cost (auth, transport, SDK) without any tool. */
    Call ping() {
        return request("ping", Map.of());
    }

    /** Calls a tool; a tool that answers with an error result fails the bench, since its timing would mislead. */
    Call callTool(String name, Map<String, Object> arguments) {
        Call call = request("tools/call", Map.of("name", name, "arguments", arguments));
        if (call.result().path("isError").asBoolean(false)) {
            throw new IllegalStateException(name + " answered an error: " + call.result().at("/content/0/text").asString());
        }
        return call;
    }

    private Call request(String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", nextId++);
        message.put("method", method);
        message.put("params", params);
        byte[] body = JSON.writeValueAsBytes(message);
        long start = System.nanoTime();
        Reply reply = exchange(body);
        long end = System.nanoTime();
        if (reply.status() != 200) {
            throw new IllegalStateException(method + " answered HTTP " + reply.status() + ": " + reply.body());
        }
        JsonNode answer = JSON.readTree(eventData(reply.body()));
        if (answer.has("error")) throw new IllegalStateException(method + " answered " + answer.get("error"));
        return new Call(answer.get("result"), start, end);
    }

    /** A streamed answer ends with one {@code data:} line holding the response; a JSON answer is the body itself. */
    private static String eventData(String body) {
        if (!body.startsWith("event:") && !body.startsWith(":")) return body;
        int data = body.lastIndexOf("\ndata: ");
        if (data < 0) throw new IllegalStateException("event stream without data: " + body);
        int end = body.indexOf('\n', data + 1);
        return body.substring(data + 7, end < 0 ? body.length() : end);
    }

    private Reply post(Map<String, Object> message) {
        return exchange(JSON.writeValueAsBytes(message));
    }

    private Reply exchange(byte[] body) {
        try {
            connectIfNeeded();
            byte[] head = (headers + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            return readReply();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("POST " + uri + " failed", e);
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket != null) return;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Reply readReply() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        int contentLength = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) body = chunkedBody();
        else if (contentLength >= 0) body = in.readNBytes(contentLength);
        else body = in.readAllBytes(); // no length: the body runs to the end of the connection
        if (closes || (!chunked && contentLength < 0)) close();
        return new Reply(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) { } // trailers
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(); // the CRLF after every chunk
        }
    }

    /** One header-section line without its CRLF; header lines are ASCII. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed mid-answer");
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
                return line.toString();
            }
            line.append((char) b);
        }
    }

    private void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing a broken connection; the next call opens a fresh one
        }
        socket = null;
    }
}
