package dev.autodev.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A browser terminal as the dashboard's is, over the terminal WebSocket ({@code /ws/terminal/{runId}}): collects what
 * the session prints, sends keystrokes and resizes, and keeps the control frames the server sends.
 */
public final class TerminalClient implements AutoCloseable {

    private final StringBuffer output = new StringBuffer();
    private final List<String> controlFrames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private TerminalClient(String url) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new Listener()).get(10, TimeUnit.SECONDS);
    }

    /** Attaches to the run's session on the server at {@code port}. */
    public static TerminalClient attach(int port, String runId, int cols, int rows) throws Exception {
        return new TerminalClient("ws://127.0.0.1:" + port + "/ws/terminal/" + runId + "?cols=" + cols + "&rows=" + rows);
    }

    /** Everything printed so far, escapes and all. */
    public String output() {
        return output.toString();
    }

    /** The server's text frames ({@code {"type":"error",...}}, {@code {"type":"closed",...}}). */
    public List<String> controlFrames() {
        return List.copyOf(controlFrames);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close code, once the server closed the socket. */
    public int closeCode() {
        return closed.getNow(-1);
    }

    public void type(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
        socket.sendText("{\"type\":\"input\",\"data\":\"" + escaped + "\"}", true).join();
    }

    public void resize(int cols, int rows) {
        socket.sendText("{\"type\":\"resize\",\"cols\":" + cols + ",\"rows\":" + rows + "}", true).join();
    }

    @Override
    public void close() {
        if (!closed.isDone()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            output.append(new String(bytes, StandardCharsets.UTF_8));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                controlFrames.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-2);
        }
    }
}
