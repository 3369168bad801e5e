package dev.autodev.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The agent CLIs the project pins in tools/agent-clis (the build installs them when missing). */
public final class PinnedClis {

    private PinnedClis() {}

    public static Path claude() {
        return binary("claude");
    }

    public static Path codex() {
        return binary("codex");
    }

    private static Path binary(String name) {
        Path binary = Path.of(System.getProperty("user.dir"), "tools", "agent-clis", "node_modules", ".bin", name);
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("The pinned " + name + " CLI is missing at " + binary
                    + "; the build installs it (npm ci --prefix tools/agent-clis).");
        }
        return binary;
    }
}
