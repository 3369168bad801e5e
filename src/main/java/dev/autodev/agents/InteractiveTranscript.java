package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a CLI's terminal UI writes the conversation of one interactive run, as JSON lines, and how to find that file
 * among the CLI's others. The run's {@link AgentCli#newTranscriptParser transcript parser} reads it.
 *
 * @param root   a folder the file is somewhere below; a file that a hook of the CLI names is believed only below it
 * @param finder finds the file once the CLI has written it; empty until then. Called again until it finds one, so it
 *               looks only where the file can be
 */
public record InteractiveTranscript(Path root, Finder finder) {

    /** Finds a transcript file; see {@link InteractiveTranscript#finder()}. */
    @FunctionalInterface
    public interface Finder {
        Optional<Path> find() throws IOException;
    }

    /** A transcript named {@code fileName}, at most {@code depth} folders below {@code root}. */
    public static InteractiveTranscript named(Path root, int depth, String fileName) {
        return new InteractiveTranscript(root, () -> {
            if (!Files.isDirectory(root)) return Optional.empty();
            try (Stream<Path> files = Files.find(root, depth, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(fileName))) {
                return files.findFirst();
            }
        });
    }
}
