package dev.autodev.testsupport;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/** The dashboard's live feed as a STOMP client sees it: every frame received since {@link #connect}, in order. */
public final class LiveFeed implements AutoCloseable {

    private final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
    private final Queue<JsonNode> frames = new ConcurrentLinkedQueue<>();
    private final StompSession session;

    private LiveFeed(int port) throws Exception {
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        session = stomp.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(),
                new StompSessionHandlerAdapter() {}).get(10, TimeUnit.SECONDS);
        session.subscribe("/topic/live", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add((JsonNode) payload);
            }
        });
    }

    /** Subscribes to the live topic of the server on {@code port}. */
    public static LiveFeed connect(int port) throws Exception {
        return new LiveFeed(port);
    }

    /** The run rows received so far for one run, oldest first. */
    public Stream<JsonNode> runRows(String runId) {
        return List.copyOf(frames).stream().flatMap(frame -> frame.get("messages").valueStream())
                .filter(message -> message.get("type").asString().equals("run"))
                .map(message -> message.get("run"))
                .filter(run -> run.get("id").asString().equals(runId));
    }

    @Override
    public void close() {
        if (session.isConnected()) session.disconnect();
        stomp.stop();
    }
}
