package dev.autodev.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A web page from another origin must not be able to drive the orchestrator. */
class CrossOriginGuardTest extends AgentIntegrationTest {

    @Test
    void crossOriginWriteIsRefusedAndNothingIsStored() {
        long before = api.get("/api/jobs?size=1").body().get("total").asLong();

        Api.Response response = api.post("/api/jobs", Map.of("description", "evil"), Map.of("Origin", "http://evil.example"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().get("message").asString()).isEqualTo("cross-origin request refused");
        assertThat(api.get("/api/jobs?size=1").body().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void sameOriginWriteIsAllowed() {
        Api.Response response = api.post("/api/jobs", Map.of("description", "mine", "scheduledAt", "2999-01-01T00:00:00Z"),
                Map.of("Origin", "http://127.0.0.1:" + localPort()));

        assertThat(response.status()).isEqualTo(201);
        api.post("/api/jobs/" + response.body().get("id").asString() + "/cancel", null);
    }

    @Test
    void crossSiteFetchMetadataIsRefused() {
        assertThat(api.put("/api/settings", Map.of())).extracting(Api.Response::status).isEqualTo(200);
        assertThat(api.post("/api/jobs", Map.of("description", "x"), Map.of("Sec-Fetch-Site", "cross-site")).status()).isEqualTo(403);
    }

    @Test
    void crossOriginReadsAreRefusedToo() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + localPort() + "/api/jobs")).GET();
        Api.Response response = api.send(request, Map.of("Origin", "http://elsewhere.example"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text()).doesNotContain("items");
    }

    @Test
    void aWebSocketHandshakeFromAForeignPageIsRefused() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + localPort() + "/ws")).GET();
        Api.Response response = api.send(request, Map.of("Origin", "http://evil.example", "Sec-WebSocket-Version", "13",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text()).contains("cross-origin request refused");
    }

    @Test
    void anOriginOfTheLoopbackNamesIsAllowedOnAnyPort() {
        for (String origin : List.of("http://localhost:5173", "http://127.0.0.1:" + localPort(), "http://[::1]:8080")) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + localPort() + "/api/health")).GET();
            assertThat(api.send(request, Map.of("Origin", origin)).status()).as(origin).isEqualTo(200);
        }
    }

    @Test
    void anOriginThatMerelyEqualsTheHostHeaderIsNotTrusted() {
        // What a rebinding page sends: its own name as Host and as Origin. Host is refused first.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + localPort() + "/api/jobs"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"description\":\"x\"}"));
        Api.Response response = api.send(request, Map.of("Origin", "http://127.0.0.1.evil.example:" + localPort()));

        assertThat(response.status()).isEqualTo(403);
    }
}
