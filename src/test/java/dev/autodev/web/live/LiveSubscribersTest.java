package dev.autodev.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

class LiveSubscribersTest {

    private final LiveSubscribers subscribers = new LiveSubscribers();

    @Test
    void countsSubscriptionsToTheLiveTopicUntilTheyEndOrTheirSessionCloses() {
        assertThat(subscribers.any()).isFalse();

        subscribers.on(new SessionSubscribeEvent(this, frame(StompCommand.SUBSCRIBE, "s1", "sub-0", "/topic/other")));
        assertThat(subscribers.any()).as("another topic").isFalse();

        subscribers.on(new SessionSubscribeEvent(this, frame(StompCommand.SUBSCRIBE, "s1", "sub-1", LiveConfig.TOPIC)));
        subscribers.on(new SessionSubscribeEvent(this, frame(StompCommand.SUBSCRIBE, "s2", "sub-1", LiveConfig.TOPIC)));
        assertThat(subscribers.any()).isTrue();

        subscribers.on(new SessionUnsubscribeEvent(this, frame(StompCommand.UNSUBSCRIBE, "s1", "sub-1", null)));
        assertThat(subscribers.any()).as("s2 still listens").isTrue();

        subscribers.on(new SessionDisconnectEvent(this, frame(StompCommand.DISCONNECT, "s2", null, null), "s2",
                CloseStatus.NORMAL));
        assertThat(subscribers.any()).isFalse();
    }

    private static Message<byte[]> frame(StompCommand command, String session, String subscription, String destination) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(command);
        headers.setSessionId(session);
        if (subscription != null) headers.setSubscriptionId(subscription);
        if (destination != null) headers.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }
}
