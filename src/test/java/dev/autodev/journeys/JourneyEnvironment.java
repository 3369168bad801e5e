package dev.autodev.journeys;

import dev.autodev.testsupport.PinnedClis;
import dev.autodev.testsupport.ScratchDirs;
import dev.autodev.testsupport.fakemodel.FakeAnthropicApi;
import dev.autodev.testsupport.fakeopenai.FakeOpenAiApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * What a user's machine holds around the server: the agent CLIs, a model to talk to (scripted fakes of the Anthropic
 * and OpenAI APIs), Codex configured for that provider in its own home, and a {@code gh} on PATH (a stand-in that
 * records what it was asked, as GitHub is out of reach). All of it lives in one temporary folder, apart from the
 * server's own directory and from the repositories the journeys work on.
 */
final class JourneyEnvironment {

    static final String FAKE_PR_URL = "https://github.example/acme/app/pull/7";

    final Path root;
    final FakeAnthropicApi claudeModel = FakeAnthropicApi.start();
    final FakeOpenAiApi codexModel = FakeOpenAiApi.start();
    final Path ghCalls;
    private final Map<String, String> env = new HashMap<>();

    JourneyEnvironment() {
        try {
            root = ScratchDirs.create("autodev-journey-");
            ghCalls = root.resolve("gh-calls.log");
            Path bin = Files.createDirectories(root.resolve("bin"));
            writeExecutable(bin.resolve("gh"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + ghCalls + "'; done\n"
                    + "echo -- >> '" + ghCalls + "'\necho " + FAKE_PR_URL + "\n");
            Path codexHome = Files.createDirectories(root.resolve("codex-home"));
            // How a user points Codex at a provider: its own config file, with the provider's default retries.
            Files.writeString(codexHome.resolve("config.toml"), """
                    model_provider = "fake"

                    [model_providers.fake]
                    name = "fake"
                    base_url = "%s"
                    wire_api = "responses"
                    env_key = "%s"
                    """.formatted(codexModel.baseUrl(), FakeOpenAiApi.KEY_VARIABLE));
            env.put("PATH", bin + ":" + System.getenv("PATH"));
            env.put("CLAUDE_BIN", PinnedClis.claude().toString());
            env.put("CODEX_BIN", PinnedClis.codex().toString());
            env.put("ANTHROPIC_BASE_URL", claudeModel.baseUrl());
            env.put("ANTHROPIC_API_KEY", "journey-key");
            env.put("DISABLE_TELEMETRY", "1");
            env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
            // CI runs as root, where Claude Code refuses to skip permissions outside a sandbox.
            env.put("IS_SANDBOX", "1");
            env.put("CLAUDE_CONFIG_DIR", Files.createDirectories(root.resolve("claude-config")).toString());
            env.put("CODEX_HOME", codexHome.toString());
            env.put(FakeOpenAiApi.KEY_VARIABLE, "journey-key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> userEnvironment() {
        return Map.copyOf(env);
    }

    /** Starts the packaged server in a fresh directory of this machine, with this user's environment. */
    PackagedServer startServer() {
        return PackagedServer.start(root, userEnvironment());
    }

    /** A folder outside the server's directory, for repositories and work dirs. */
    Path elsewhere(String name) {
        try {
            return Files.createDirectories(root.resolve("elsewhere").resolve(name + "-" + System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String ghCallsSoFar() {
        try {
            return Files.exists(ghCalls) ? Files.readString(ghCalls) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the fake models and removes the machine's folder; the journey's server must be stopped before. */
    void close() {
        claudeModel.close();
        codexModel.close();
        ScratchDirs.remove(root);
    }

    private static void writeExecutable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
