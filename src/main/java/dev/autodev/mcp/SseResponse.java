package dev.autodev.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool call answered as a stream of server-sent events: the headers go out at once, a heartbeat follows every
 * interval while the tool runs, and the JSON-RPC response ends the stream. Claude Code aborts a POST whose response
 * headers take more than 60 s, and a tool call that shows no response or progress for 5 minutes, while our tools
 * may wait far longer (ask_user). A heartbeat is a progress notification when the client sent a progress token
 * (that is what resets Claude Code's idle timer), an SSE comment otherwise.
 */
final class SseResponse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SseResponse.class);

    private final McpJsonMapper json;
    private final PrintWriter out;
    private final Object progressToken;
    private final long startedAt = System.nanoTime();
    // The heartbeat thread and the request thread share the stream; a ReentrantLock does not pin virtual threads.
    private final ReentrantLock lock = new ReentrantLock();
    private boolean done;
    private int beats;
    private Thread heartbeat;

    private SseResponse(McpJsonMapper json, PrintWriter out, Object progressToken) {
        this.json = json;
        this.out = out;
        this.progressToken = progressToken;
    }

    static SseResponse open(HttpServletResponse response, McpJsonMapper json, Object progressToken, Duration interval)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.flushBuffer();
        SseResponse sse = new SseResponse(json, response.getWriter(), progressToken);
        sse.heartbeat = Thread.ofVirtual().name("mcp-heartbeat").start(() -> sse.beatEvery(interval));
        return sse;
    }

    /** Sends the response and stops the heartbeats; the stream is complete when this returns. */
    void finish(McpSchema.JSONRPCResponse response) {
        lock.lock();
        try {
            if (done) return;
            done = true;
            write("event: message\ndata: " + json.writeValueAsString(response) + "\n\n");
        } catch (IOException e) {
            log.debug("MCP client went away before its tool result was sent", e);
        } finally {
            lock.unlock();
            heartbeat.interrupt();
        }
    }

    /**
     * Stops the heartbeats if {@link #finish} never ran (the call failed with an Error). Must happen before the
     * request ends: Tomcat reuses the response object, and a late heartbeat would land in someone else's answer.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            done = true;
        } finally {
            lock.unlock();
            heartbeat.interrupt();
        }
    }

    private void beatEvery(Duration interval) {
        try {
            while (true) {
                Thread.sleep(interval);
                lock.lock();
                try {
                    if (done) return;
                    write(nextBeat());
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            // finish() stops us
        } catch (IOException e) {
            log.debug("MCP client went away during a tool call", e);
        }
    }

    private String nextBeat() throws IOException {
        beats++;
        long seconds = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
        if (progressToken == null) return ": still running after " + seconds + " s\n\n";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("progressToken", progressToken);
        params.put("progress", beats); // must grow with every notification
        params.put("message", "still running after " + seconds + " s");
        var notification = new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_PROGRESS, params);
        return "event: message\ndata: " + json.writeValueAsString(notification) + "\n\n";
    }

    /** PrintWriter swallows IO errors; checkError is how a closed connection shows. */
    private void write(String event) throws IOException {
        out.write(event);
        out.flush();
        if (out.checkError()) throw new IOException("connection closed");
    }
}
