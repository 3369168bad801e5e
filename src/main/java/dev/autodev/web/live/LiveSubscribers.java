package dev.autodev.web.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Who is subscribed to the live topic right now, so the broadcaster reads no rows for a frame nobody would receive
 * (the API used from scripts, a night of agents with the dashboard closed). A dashboard subscribes before it loads
 * its snapshot, so whatever changed before its subscription is in that snapshot.
 */
@Component
class LiveSubscribers {

    /** Subscription ids to the live topic, by STOMP session. */
    private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();

    @EventListener
    void on(SessionSubscribeEvent event) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(event.getMessage());
        if (!LiveConfig.TOPIC.equals(headers.getDestination()) || headers.getSessionId() == null) return;
        bySession.computeIfAbsent(headers.getSessionId(), id -> ConcurrentHashMap.newKeySet())
                .add(String.valueOf(headers.getSubscriptionId()));
    }

    @EventListener
    void on(SessionUnsubscribeEvent event) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(event.getMessage());
        if (headers.getSessionId() == null) return;
        bySession.computeIfPresent(headers.getSessionId(), (id, subscriptions) -> {
            subscriptions.remove(String.valueOf(headers.getSubscriptionId()));
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    @EventListener
    void on(SessionDisconnectEvent event) {
        bySession.remove(event.getSessionId());
    }

    boolean any() {
        return !bySession.isEmpty();
    }
}
