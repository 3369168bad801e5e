package dev.autodev.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With AUTH_TOKEN set, the API wants the bearer token; the health probe stays open. */
@TestPropertySource(properties = "autodev.security.auth-token=s3cret")
class AuthTokenTest extends AgentIntegrationTest {

    /** A second server must not take over the first one's runs at start-up: it gets its own database. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("autodev.storage.db-path", () -> ROOT.resolve("auth-token-test.db").toString());
    }

    @Test
    void requestsWithoutTheRightTokenAreRefused() {
        assertThat(api.get("/api/jobs").status()).isEqualTo(401);
        assertThat(api.post("/api/jobs", Map.of("description", "x"), Map.of("Authorization", "Bearer wrong")).status())
                .isEqualTo(401);
    }

    @Test
    void requestsWithTheTokenPass() {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort() + "/api/jobs")).GET();
        assertThat(api.send(request, Map.of("Authorization", "Bearer s3cret")).status()).isEqualTo(200);
    }

    @Test
    void healthStaysOpenForProbes() {
        assertThat(api.get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void theMetricsWantTheTokenAndTheActuatorHealthProbeDoesNot() {
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort() + "/actuator/prometheus")).GET();
        assertThat(api.send(request, Map.of("Authorization", "Bearer s3cret")).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    @Override
    protected void resetSettings() {
        // The settings call would need the token too, and nothing here depends on settings.
    }
}
