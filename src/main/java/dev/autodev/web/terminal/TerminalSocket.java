package dev.autodev.web.terminal;

import dev.autodev.interactive.InteractiveSupervisor;
import dev.autodev.interactive.TerminalAttachments;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser terminal on one interactive session. On open it gets the session's scrollback (what tmux holds above
 * the screen), then a pseudo-terminal attached to the session, whose output flows to the browser as binary frames.
 * The browser sends text frames: {@code {"type":"input","data":"..."}} for keystrokes and pastes,
 * {@code {"type":"resize","cols":N,"rows":M}} when its panel changes size. The server ends with
 * {@code {"type":"closed","reason":"..."}} or refuses with {@code {"type":"error","message":"..."}}.
 */
@Component
class TerminalSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(TerminalSocket.class);
    private static final String ATTACHMENT = "attachment";
    /** Closed: no such session (4404), or too many terminals attached (1013, try again later). */
    private static final CloseStatus NO_SESSION = new CloseStatus(4404, "no live session");
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 16 * 1024 * 1024;

    private final InteractiveSupervisor sessions;
    private final TerminalAttachments terminals;
    private final JsonMapper json;

    TerminalSocket(InteractiveSupervisor sessions, TerminalAttachments terminals, JsonMapper json) {
        this.sessions = sessions;
        this.terminals = terminals;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        WebSocketSession ws = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        URI uri = raw.getUri();
        String runId = uri == null ? "" : uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        var query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        int cols = number(query.getFirst("cols"), 120);
        int rows = number(query.getFirst("rows"), 40);
        if (!sessions.hasSession(runId)) {
            refuse(ws, "run " + runId + " has no live terminal session", NO_SESSION);
            return;
        }
        // The screen itself comes from tmux when the terminal attaches; only what scrolled off it is sent first.
        String scrollback = sessions.scrollback(runId);
        if (!scrollback.isEmpty()) {
            ws.sendMessage(new BinaryMessage(scrollback.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            TerminalAttachments.Attachment attachment = terminals.attach(runId, cols, rows, new TerminalAttachments.Sink() {
                @Override
                public void output(byte[] bytes, int length) throws IOException {
                    if (ws.isOpen()) ws.sendMessage(new BinaryMessage(Arrays.copyOf(bytes, length)));
                }

                @Override
                public void closed(String reason) {
                    send(ws, Map.of("type", "closed", "reason", reason));
                    try {
                        ws.close(CloseStatus.NORMAL.withReason(reason));
                    } catch (IOException | RuntimeException e) {
                        log.debug("closing terminal socket: {}", e.getMessage());
                    }
                }
            });
            raw.getAttributes().put(ATTACHMENT, attachment);
        } catch (TerminalAttachments.Refused e) {
            refuse(ws, e.getMessage(), CloseStatus.SERVICE_OVERLOAD.withReason("refused"));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        if (!(session.getAttributes().get(ATTACHMENT) instanceof TerminalAttachments.Attachment attachment)) return;
        JsonNode frame = json.readTree(message.getPayload());
        switch (frame.path("type").asString("")) {
            case "input" -> attachment.input(frame.path("data").asString("").getBytes(StandardCharsets.UTF_8));
            case "resize" -> attachment.resize(frame.path("cols").asInt(0), frame.path("rows").asInt(0));
            default -> { } // unknown frames are ignored: an older or newer browser tab must not break the session
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().remove(ATTACHMENT) instanceof TerminalAttachments.Attachment attachment) attachment.close();
    }

    private void refuse(WebSocketSession ws, String message, CloseStatus status) throws IOException {
        send(ws, Map.of("type", "error", "message", message));
        ws.close(status);
    }

    private void send(WebSocketSession ws, Map<String, String> frame) {
        try {
            if (ws.isOpen()) ws.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | RuntimeException e) {
            log.debug("terminal socket frame not sent: {}", e.getMessage());
        }
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
