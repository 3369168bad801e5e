package dev.autodev.agents.claude;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Claude Code home ({@code CLAUDE_CONFIG_DIR}) of an interactive session. The terminal UI asks a person a few
 * questions the first time it runs (onboarding and its connectivity check, whether to use the API key it finds, whether
 * to trust the folder, whether to accept bypassing permissions); a session the orchestrator starts has answered them
 * already, in {@code .claude.json} and {@code settings.json}. The home is kept per conversation, so a resumed
 * session finds its transcript; the user's own login is linked in, so OAuth users need no API key.
 */
final class ClaudeTuiState {

    private ClaudeTuiState() {}

    /** Prepares {@code home} for a session in {@code workDir} whose CLI sees {@code apiKey} (or none). */
    static Path prepare(JsonMapper json, Path home, Path workDir, String apiKey) {
        try {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
            Path state = home.resolve(".claude.json");
            ObjectNode root = Files.exists(state) ? (ObjectNode) json.readTree(state.toFile()) : json.createObjectNode();
            root.put("hasCompletedOnboarding", true);
            root.put("bypassPermissionsModeAccepted", true);
            if (!root.has("theme")) root.put("theme", "dark");
            if (apiKey != null && !apiKey.isBlank()) {
                // Claude Code remembers an approved key by its last 20 characters.
                String suffix = apiKey.substring(Math.max(0, apiKey.length() - 20));
                root.set("customApiKeyResponses", json.valueToTree(Map.of("approved", List.of(suffix), "rejected", List.of())));
            }
            ObjectNode projects = root.has("projects") ? (ObjectNode) root.get("projects") : root.putObject("projects");
            ObjectNode project = projects.has(workDir.toString()) ? (ObjectNode) projects.get(workDir.toString())
                    : projects.putObject(workDir.toString());
            project.put("hasTrustDialogAccepted", true);
            project.put("hasCompletedProjectOnboarding", true);
            Files.writeString(state, json.writeValueAsString(root));
            Files.writeString(home.resolve("settings.json"), json.writeValueAsString(Map.of("skipDangerousModePermissionPrompt", true)));
            linkUserLogin(home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Claude Code home " + home, e);
        }
    }

    /** The user's own credentials (from {@code claude /login}), where they exist. */
    private static void linkUserLogin(Path home) throws IOException {
        String own = System.getenv("CLAUDE_CONFIG_DIR");
        Path userHome = own != null && !own.isBlank() ? Path.of(own) : Path.of(System.getProperty("user.home"), ".claude");
        Path credentials = userHome.resolve(".credentials.json");
        Path link = home.resolve(".credentials.json");
        if (Files.exists(credentials) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, credentials);
        }
    }
}
