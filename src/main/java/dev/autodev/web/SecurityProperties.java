package dev.autodev.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Who may talk to the server.
 *
 * @param authToken      when set (AUTH_TOKEN), every API request needs {@code Authorization: Bearer <token>}
 * @param allowedHosts   host names, besides localhost, 127.0.0.1, [::1] and the bind address, that requests may
 *                       name in their Host header (ALLOWED_HOSTS, comma separated), e.g. this machine's name when
 *                       the server listens on a LAN address
 * @param allowedOrigins browser origins, besides those of the allowed hosts, allowed to make state-changing
 *                       requests (ALLOWED_ORIGINS, comma separated), e.g. {@code http://devbox.lan:5173}
 * @param maxBodySize    the largest request body the REST API reads (MAX_BODY_SIZE, default 1MB); larger ones get 413
 */
@ConfigurationProperties("autodev.security")
public record SecurityProperties(String authToken, List<String> allowedHosts, List<String> allowedOrigins,
                                 DataSize maxBodySize) {

    public SecurityProperties {
        allowedHosts = clean(allowedHosts);
        allowedOrigins = clean(allowedOrigins);
        if (maxBodySize == null) maxBodySize = DataSize.ofMegabytes(1);
        if (maxBodySize.toBytes() < 1024) throw new IllegalArgumentException("autodev.security.max-body-size must be at least 1KB");
    }

    boolean tokenRequired() {
        return authToken != null && !authToken.isBlank();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
