package dev.autodev.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench's view of the REST API. HTTP/1.1 on purpose: the JDK client otherwise tries an h2c upgrade on every new
 * connection, which the server ignores but which would be timed as if it were the server's cost.
 */
final class BenchHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    BenchHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A parsed response with when it was sent and when it had fully arrived. */
    record Reply(int status, JsonNode body, Instant sent, Instant received) {

        double millis() {
            return Duration.between(sent, received).toNanos() / 1e6;
        }

        Reply expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException("HTTP " + status + " (wanted " + wanted + "): " + body);
            }
            return this;
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, Object body) {
        return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply put(String path, Object body) {
        return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder json(String path, Object body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        try {
            Instant sent = Instant.now();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Instant received = Instant.now();
            String text = response.body();
            JsonNode body = text.isBlank() ? null : JSON.readTree(text);
            return new Reply(response.statusCode(), body, sent, received);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
