package dev.autodev.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may talk to the API.
 *
 * @param authToken      when set (AUTH_TOKEN), every API request needs {@code Authorization: Bearer <token>}
 * @param allowedOrigins browser origins, besides the server's own, allowed to make state-changing requests
 *                       (ALLOWED_ORIGINS, comma separated), e.g. a dev server on another port
 */
@ConfigurationProperties("autodev.security")
public record SecurityProperties(String authToken, List<String> allowedOrigins) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    boolean tokenRequired() {
        return authToken != null && !authToken.isBlank();
    }
}
