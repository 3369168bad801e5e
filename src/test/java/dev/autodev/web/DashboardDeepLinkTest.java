package dev.autodev.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Needs the built dashboard on the classpath (target/classes/static): build once without -Dfrontend.skip. */
class DashboardDeepLinkTest extends AgentIntegrationTest {

    private Api.Response get(String path, String accept) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort() + path)).GET(),
                Map.of("Accept", accept));
    }

    @Test
    void aDeepLinkOpenedInTheBrowserGetsTheDashboardPage() {
        var page = get("/workflows/abc", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<div id=\"root\">");
    }

    @Test
    void anUnknownApiPathStaysAJsonNotFound() {
        var missing = get("/api/unknown", "text/html,*/*");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void aMissingAssetIsNotMistakenForAPage() {
        assertThat(get("/assets/missing.js", "text/html,*/*").status()).isEqualTo(404);
        assertThat(get("/jobs/abc", "application/json").status()).isEqualTo(404);
    }
}
