package dev.autodev.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowlistTest {

    private final HostAllowlist defaults = new HostAllowlist("127.0.0.1", List.of(), List.of());

    @Test
    void loopbackNamesAreAllowedOnAnyPort() {
        assertThat(List.of("localhost", "localhost:3456", "127.0.0.1:1", "[::1]:3456", "[::1]", "LOCALHOST:80", "localhost."))
                .allMatch(defaults::allowsHost);
    }

    @Test
    void anyOtherNameIsRefused() {
        assertThat(List.of("evil.example:3456", "localhost.evil.example", "127.0.0.1.nip.io:3456", "", "[::2]:3456", "0.0.0.0:3456"))
                .noneMatch(defaults::allowsHost);
        assertThat(defaults.allowsHost(null)).isFalse();
    }

    @Test
    void theBindAddressAndAllowedHostsJoinTheList() {
        HostAllowlist lan = new HostAllowlist("192.168.1.20", List.of("devbox.lan", "fe80::1"), List.of());

        assertThat(lan.allowsHost("192.168.1.20:3456")).isTrue();
        assertThat(lan.allowsHost("devbox.lan:3456")).isTrue();
        assertThat(lan.allowsHost("[fe80::1]:3456")).isTrue();
        assertThat(lan.allowsHost("otherbox.lan:3456")).isFalse();
    }

    @Test
    void aWildcardBindAddressAddsNoName() {
        assertThat(new HostAllowlist("0.0.0.0", List.of(), List.of()).allowsHost("0.0.0.0:3456")).isFalse();
    }

    @Test
    void originsAreJudgedByTheAllowlistNeverByTheHostHeader() {
        assertThat(defaults.allowsOrigin("http://localhost:5173")).isTrue();
        assertThat(defaults.allowsOrigin("https://127.0.0.1:3456/")).isTrue();
        assertThat(defaults.allowsOrigin("http://evil.example:3456")).isFalse();
        assertThat(defaults.allowsOrigin("null")).isFalse();
        assertThat(defaults.allowsOrigin("file://localhost")).isFalse();
        assertThat(defaults.allowsOrigin("http://user@localhost:3456")).isFalse();
        assertThat(defaults.allowsOrigin("not a uri")).isFalse();
    }

    @Test
    void allowedOriginsAreTakenAsListed() {
        HostAllowlist withDevServer = new HostAllowlist("127.0.0.1", List.of(), List.of("http://devbox.lan:5173"));

        assertThat(withDevServer.allowsOrigin("http://devbox.lan:5173")).isTrue();
        assertThat(withDevServer.allowsOrigin("http://devbox.lan:5174")).isFalse();
    }
}
