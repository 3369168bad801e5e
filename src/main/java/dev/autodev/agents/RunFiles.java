package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The three files every run writes: its prompt (stdin), its raw output, and its stderr. */
record RunFiles(Path prompt, Path stdout, Path stderr) {

    static RunFiles create(Path logDir, String runId, String promptText) throws IOException {
        Files.createDirectories(logDir);
        RunFiles files = existing(logDir, runId);
        Files.writeString(files.prompt, promptText);
        return files;
    }

    /** The files of a run started earlier; an output file that never got created reads as empty. */
    static RunFiles existing(Path logDir, String runId) throws IOException {
        RunFiles files = new RunFiles(logDir.resolve(runId + ".prompt"), logDir.resolve(runId + ".ndjson"),
                logDir.resolve(runId + ".stderr"));
        if (!Files.exists(files.stdout)) {
            Files.createDirectories(logDir);
            Files.createFile(files.stdout);
        }
        return files;
    }

    /** The last few lines of stderr, to explain a run that ended without a result. */
    String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderr);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
