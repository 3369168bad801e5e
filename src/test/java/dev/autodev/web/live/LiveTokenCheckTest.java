package dev.autodev.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** With AUTH_TOKEN set, a WebSocket handshake needs the token as a query parameter or a bearer header. */
class LiveTokenCheckTest {

    @Test
    void handshakeWithoutTheTokenIsRefusedWith401() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(handshake(new LiveTokenCheck("s3cret"), request(null, null), response)).isFalse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(handshake(new LiveTokenCheck("s3cret"), request("wrong", null), new MockHttpServletResponse())).isFalse();
    }

    @Test
    void handshakeWithTheTokenInTheQueryOrHeaderIsAccepted() {
        assertThat(handshake(new LiveTokenCheck("s3 cret"), request("s3%20cret", null), new MockHttpServletResponse())).isTrue();
        assertThat(handshake(new LiveTokenCheck("s3cret"), request(null, "Bearer s3cret"), new MockHttpServletResponse())).isTrue();
    }

    @Test
    void withoutAConfiguredTokenEveryHandshakePasses() {
        assertThat(handshake(new LiveTokenCheck(""), request(null, null), new MockHttpServletResponse())).isTrue();
    }

    private static MockHttpServletRequest request(String queryToken, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws");
        if (queryToken != null) request.setQueryString("token=" + queryToken);
        if (authorization != null) request.addHeader("Authorization", authorization);
        return request;
    }

    private static boolean handshake(LiveTokenCheck check, MockHttpServletRequest request, MockHttpServletResponse response) {
        return check.beforeHandshake(new ServletServerHttpRequest(request), new ServletServerHttpResponse(response), null,
                new HashMap<>());
    }
}
