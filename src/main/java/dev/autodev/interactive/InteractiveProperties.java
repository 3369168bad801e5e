package dev.autodev.interactive;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Interactive sessions: agent CLIs' own terminal UIs in tmux, watched and typed into from the browser.
 *
 * @param tmuxBin         the tmux program (TMUX_BIN, default {@code tmux} on PATH)
 * @param socket          the server's own tmux socket (default {@code data/tmux.sock}); never the user's tmux server.
 *                        A path too long for a Unix socket falls back to a named socket in tmux's own folder
 * @param maxAttachedPtys how many browser terminals may be attached at once, over all sessions (default 32); each
 *                        holds one pseudo-terminal running {@code tmux attach}
 * @param maxSessions     how many interactive sessions may live at once (default 8); more interactive jobs wait in
 *                        the queue until one ends
 * @param columns         the size a session starts with, before any browser attaches (default 120 x 40)
 * @param rows            see {@code columns}
 * @param historyLimit    lines of scrollback tmux keeps per session, replayed to a terminal that attaches (default 20000)
 * @param spawnAttempts   how often starting a session is tried before its run fails (default 3)
 * @param spawnBackoff    the first wait between attempts; it doubles, with jitter
 * @param pollInterval    how often a live session's liveness and transcript are looked at (default 250 ms)
 * @param reaperInterval  how often tmux sessions no run owns are killed (default 60 s)
 */
@ConfigurationProperties("autodev.interactive")
public record InteractiveProperties(
        String tmuxBin,
        Path socket,
        Integer maxAttachedPtys,
        Integer maxSessions,
        Integer columns,
        Integer rows,
        Integer historyLimit,
        Integer spawnAttempts,
        Duration spawnBackoff,
        Duration pollInterval,
        Duration reaperInterval) {

    public InteractiveProperties {
        if (tmuxBin == null || tmuxBin.isBlank()) tmuxBin = "tmux";
        socket = (socket == null || socket.toString().isBlank() ? Path.of("data", "tmux.sock") : socket).toAbsolutePath().normalize();
        if (maxAttachedPtys == null || maxAttachedPtys < 1) maxAttachedPtys = 32;
        if (maxSessions == null || maxSessions < 1) maxSessions = 8;
        if (columns == null || columns < 20) columns = 120;
        if (rows == null || rows < 5) rows = 40;
        if (historyLimit == null || historyLimit < 100) historyLimit = 20_000;
        if (spawnAttempts == null || spawnAttempts < 1) spawnAttempts = 3;
        if (spawnBackoff == null) spawnBackoff = Duration.ofMillis(500);
        if (pollInterval == null) pollInterval = Duration.ofMillis(250);
        if (reaperInterval == null) reaperInterval = Duration.ofSeconds(60);
    }
}
