package dev.autodev.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.RunTokens;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** scripts/check-lock-hook as Claude Code runs it: hook JSON on stdin, the agent's variables in its environment. */
class CheckLockHookTest extends LockTestBase {

    private static final Path HOOK = Path.of("scripts", "check-lock-hook").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RunTokens tokens;

    String tokenOfA;

    record Outcome(int exitCode, String stderr) {}

    @BeforeEach
    void tokenForA() {
        tokenOfA = tokens.issue(a.runId());
    }

    @Test
    void anEditOfALockedFileIsAllowed() {
        lock(a, "src/A.java");

        assertThat(hook(edit(abs("src/A.java"), workDir), agentEnv()).exitCode()).isZero();
    }

    @Test
    void anEditWithoutALockIsBlockedWithWhatToDo() {
        Outcome outcome = hook(edit(abs("src/B.java"), workDir), agentEnv());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("mcp__orchestrator__lock_files", abs("src/B.java"));
    }

    @Test
    void anEditOfAFileAnotherAgentLockedIsBlockedWithWhoHoldsIt() {
        lock(b, "shared.txt");

        Outcome outcome = hook(edit(abs("shared.txt"), workDir), agentEnv());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("locked by another agent", b.runId());
    }

    @Test
    void relativePathsResolveAgainstTheAgentsCurrentDirectory() {
        lock(a, "sub/C.java");

        assertThat(hook(edit("C.java", workDir.resolve("sub")), agentEnv()).exitCode()).isZero();
        assertThat(hook(edit("../sub/./C.java", workDir.resolve("other")), agentEnv()).exitCode()).isZero();
        assertThat(hook(edit("C.java", workDir), agentEnv()).exitCode()).isEqualTo(2);
    }

    @Test
    void aCheckedOutDirectoryAllowsEditsBelowItAndNotebooksAreCheckedToo() {
        lock(a, "checkout::notebooks");
        Map<String, Object> notebookEdit = Map.of("tool_name", "NotebookEdit", "cwd", workDir.toString(),
                "tool_input", Map.of("notebook_path", abs("notebooks/deep/analysis.ipynb"), "new_source", "x = 1"));

        assertThat(hook(notebookEdit, agentEnv()).exitCode()).isZero();
        assertThat(hook(edit(abs("elsewhere.ipynb"), workDir), agentEnv()).exitCode()).isEqualTo(2);
    }

    @Test
    void unusualPathsAreReadAndSentIntactWithAndWithoutJq() throws IOException {
        String odd = "dir with space/quote\"and\\slash ü & x=1?.txt";
        lock(a, odd);
        Map<String, Object> write = Map.of("tool_name", "Write", "cwd", workDir.toString(), "tool_input",
                Map.of("file_path", abs(odd), "content", "a decoy: \"file_path\": \"/etc/passwd\"\n"));
        Map<String, String> withoutJq = agentEnv();
        withoutJq.put("PATH", binWithoutJq().toString());

        assertThat(hook(write, agentEnv()).exitCode()).isZero();
        assertThat(hook(write, withoutJq).exitCode()).isZero();
        assertThat(hook(edit(abs("dir with space/other.txt"), workDir), withoutJq).exitCode()).isEqualTo(2);
    }

    @Test
    void whenTheOrchestratorIsUnreachableEditsAreBlocked() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        lock(a, "src/A.java");
        Map<String, String> env = agentEnv();
        env.put("ORCHESTRATOR_API_URL", "http://127.0.0.1:" + closedPort);

        Outcome outcome = hook(edit(abs("src/A.java"), workDir), env);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("cannot verify the lock", "unreachable at http://127.0.0.1:" + closedPort);
    }

    @Test
    void anAnswerThatIsNotTheOrchestratorsBlocksEdits() {
        Map<String, String> env = agentEnv();
        env.put("ORCHESTRATOR_API_URL", MODEL.baseUrl()); // answers {} to anything

        Outcome outcome = hook(edit(abs("src/A.java"), workDir), env);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("cannot verify the lock", "unexpected answer");
    }

    @Test
    void anUnknownTokenIsBlocked() {
        lock(a, "src/A.java");
        Map<String, String> env = agentEnv();
        env.put("ORCHESTRATOR_AGENT_TOKEN", "not-a-token");

        Outcome outcome = hook(edit(abs("src/A.java"), workDir), env);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("token");
    }

    @Test
    void outsideTheOrchestratorEveryEditIsAllowed() {
        Map<String, String> env = agentEnv();
        env.remove("ORCHESTRATOR_API_URL");
        env.remove("ORCHESTRATOR_AGENT_TOKEN");

        assertThat(hook(edit(abs("src/A.java"), workDir), env).exitCode()).isZero();
    }

    private Map<String, String> agentEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("ORCHESTRATOR_API_URL", "http://127.0.0.1:" + localPort());
        env.put("ORCHESTRATOR_AGENT_TOKEN", tokenOfA);
        return env;
    }

    private static Map<String, Object> edit(String file, Path cwd) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("session_id", "s-1");
        input.put("cwd", cwd.toString());
        input.put("hook_event_name", "PreToolUse");
        input.put("tool_name", "Edit");
        input.put("tool_input", Map.of("file_path", file, "old_string", "a", "new_string", "b"));
        return input;
    }

    private static Outcome hook(Map<String, Object> input, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", HOOK.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsString(input).getBytes(StandardCharsets.UTF_8));
            }
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the hook finishes").isTrue();
            return new Outcome(process.exitValue(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PATH with just the tools the hook needs but jq, to exercise its sed fallback. */
    private static Path binWithoutJq() throws IOException {
        Path bin = Files.createTempDirectory("hook-bin-");
        for (String tool : new String[] {"cat", "tr", "sed", "head", "tail", "curl"}) {
            Path found = findOnPath(tool);
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        return bin;
    }

    private static Path findOnPath(String tool) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }
}
