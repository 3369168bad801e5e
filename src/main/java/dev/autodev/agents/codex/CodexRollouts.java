package dev.autodev.agents.codex;

import dev.autodev.agents.InteractiveTranscript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the rollout file of an interactive Codex run. Codex names it after the thread it starts, which the
 * orchestrator learns only from the file itself, so a new thread's file is told by the run's id: the run's guide
 * (Codex's developer instructions, near the top of the file) names it. It is looked for only in the day folders of
 * the last two days, among files written since the session started. A resumed thread's file (and a run taken over
 * after a restart, whose thread id is known by then) is found by its name.
 */
final class CodexRollouts {

    /** How much of a file's beginning may hold the guide (the session meta line before it carries Codex's prompt). */
    private static final int HEAD_BYTES = 512 * 1024;

    private CodexRollouts() {}

    /** {@code $CODEX_HOME/sessions}: the agent's environment first, then the server's, then Codex's default. */
    static Path sessions(Map<String, String> env) {
        String home = env.get("CODEX_HOME");
        if (home == null || home.isBlank()) home = System.getenv("CODEX_HOME");
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".codex") : Path.of(home);
        return base.resolve("sessions");
    }

    /**
     * @param threadId the thread the run resumes or already started, or null when it starts a new one
     * @param since    only files written since then can be a new thread's, or null when unknown (after a restart)
     */
    static InteractiveTranscript transcript(Path sessions, String runId, String threadId, Instant since, Clock clock) {
        return new InteractiveTranscript(sessions, () -> {
            if (!Files.isDirectory(sessions)) return Optional.empty();
            if (threadId != null) {
                Optional<Path> named = byThread(sessions, threadId);
                if (named.isPresent()) return named;
            }
            return byRun(sessions, runId, since, clock);
        });
    }

    private static Optional<Path> byThread(Path sessions, String threadId) throws IOException {
        String suffix = "-" + threadId + ".jsonl";
        try (Stream<Path> files = Files.find(sessions, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(suffix))) {
            return files.findFirst();
        }
    }

    private static Optional<Path> byRun(Path sessions, String runId, Instant since, Clock clock) throws IOException {
        byte[] marker = runId.getBytes(StandardCharsets.UTF_8);
        for (Path day : recentDays(sessions, clock)) {
            if (!Files.isDirectory(day)) continue;
            List<Path> candidates;
            try (Stream<Path> files = Files.list(day)) {
                candidates = files.filter(p -> p.getFileName().toString().startsWith("rollout-")
                        && p.getFileName().toString().endsWith(".jsonl")).toList();
            }
            for (Path file : candidates) {
                if (since != null && Files.getLastModifiedTime(file).toInstant().isBefore(since)) continue;
                if (headContains(file, marker)) return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Codex names the day folders by its local date; the server's zone and UTC cover a session started near midnight. */
    private static Set<Path> recentDays(Path sessions, Clock clock) {
        Set<Path> days = new LinkedHashSet<>();
        for (ZoneId zone : List.of(ZoneId.systemDefault(), ZoneOffset.UTC)) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            for (LocalDate day : List.of(today, today.minusDays(1))) {
                days.add(sessions.resolve(String.format("%04d", day.getYear()))
                        .resolve(String.format("%02d", day.getMonthValue())).resolve(String.format("%02d", day.getDayOfMonth())));
            }
        }
        return days;
    }

    private static boolean headContains(Path file, byte[] marker) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        outer:
        for (int i = 0; i + marker.length <= head.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (head[i + j] != marker[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
