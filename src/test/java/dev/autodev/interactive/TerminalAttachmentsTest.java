package dev.autodev.interactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pseudo-terminals on real tmux sessions (a plain {@code cat} stands in for an agent): the cap on attached terminals,
 * input reaching the session, and the reaper of sessions no run owns.
 */
class TerminalAttachmentsTest {

    private final Path dir = tempDir();
    private final InteractiveProperties properties = new InteractiveProperties(null, dir.resolve("tmux.sock"), 2, null,
            null, null, null, null, null, null, null);
    private final Tmux tmux = new Tmux(properties);
    private final TerminalAttachments terminals = new TerminalAttachments(tmux, properties);

    @AfterEach
    void killServer() throws Exception {
        for (String name : tmux.sessions()) tmux.kill(name);
    }

    @Test
    void oneTerminalTooManyIsRefusedWithAClearError() throws Exception {
        start("run-a");
        var first = terminals.attach("run-a", 80, 24, new Collect());
        var second = terminals.attach("run-a", 80, 24, new Collect());

        assertThatThrownBy(() -> terminals.attach("run-a", 80, 24, new Collect()))
                .isInstanceOf(TerminalAttachments.Refused.class)
                .hasMessageContaining("all 2 terminal attachments are in use")
                .hasMessageContaining("autodev.interactive.max-attached-ptys");

        second.close();
        var third = terminals.attach("run-a", 80, 24, new Collect());
        assertThat(terminals.attachedTotal()).isEqualTo(2);
        first.close();
        third.close();
        assertThat(terminals.attachedTotal()).isZero();
    }

    @Test
    void keystrokesReachTheSessionAndEveryTerminalSeesTheSameScreen() throws Exception {
        start("run-b");
        Collect one = new Collect();
        Collect two = new Collect();
        var typing = terminals.attach("run-b", 80, 24, one);
        terminals.attach("run-b", 100, 30, two);

        typing.input("hello-tmux\r".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).until(() -> one.text().contains("hello-tmux") && two.text().contains("hello-tmux"));
        assertThat(tmux.capture(Tmux.sessionName("run-b"), false)).contains("hello-tmux");
        assertThat(terminals.detachAll("run-b", "disconnected")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> one.closedWith != null && two.closedWith != null);
        assertThat(tmux.hasSession(Tmux.sessionName("run-b"))).as("disconnect leaves the session").isTrue();
    }

    @Test
    void aSessionThatDoesNotExistCannotBeAttached() {
        assertThatThrownBy(() -> terminals.attach("nobody", 80, 24, new Collect()))
                .isInstanceOf(TerminalAttachments.Refused.class).hasMessageContaining("no live terminal session");
        assertThat(terminals.attachedTotal()).isZero();
    }

    private void start(String runId) throws IOException {
        tmux.newSession(Tmux.sessionName(runId), dir, Map.of("ORCHESTRATOR_AGENT_ID", runId), dir.resolve(runId + ".env"),
                List.of("cat"), 80, 24);
        assertThat(tmux.hasSession(Tmux.sessionName(runId))).isTrue();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tmux-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Keeps what a terminal prints. */
    private static final class Collect implements TerminalAttachments.Sink {
        private final StringBuffer out = new StringBuffer();
        volatile String closedWith;

        @Override
        public void output(byte[] bytes, int length) {
            out.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void closed(String reason) {
            closedWith = reason;
        }

        String text() {
            return out.toString();
        }
    }
}
