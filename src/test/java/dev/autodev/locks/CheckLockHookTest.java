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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * scripts/check-lock-hook as Claude Code and Codex run it: hook JSON on stdin, the agent's variables in its
 * environment.
 */
class CheckLockHookTest extends LockTestBase {

    private static final Path HOOK = Path.of("scripts", "check-lock-hook").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @org.junit.jupiter.api.io.TempDir
    Path scratch;

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
    void aCodexPatchNeedsALockOnEveryFileItNamesWithAndWithoutJq() throws IOException {
        lock(a, "src/A.java");
        lock(a, "src/New.java");
        lock(a, "old name.txt");
        String patch = """
                *** Begin Patch
                *** Update File: src/A.java
                @@
                -a decoy line: *** Update File: /etc/passwd
                +b
                *** Add File: src/New.java
                +class New {}
                *** Update File: old name.txt
                *** Move to: %s
                *** End Patch
                """;
        Map<String, String> withoutJq = agentEnv();
        withoutJq.put("PATH", binWithoutJq().toString());

        for (Map<String, String> env : List.of(agentEnv(), withoutJq)) {
            Outcome moveUnlocked = hook(applyPatch(patch.formatted("new name.txt"), workDir), env);
            assertThat(moveUnlocked.exitCode()).isEqualTo(2);
            assertThat(moveUnlocked.stderr()).contains(abs("new name.txt"), "mcp__orchestrator__lock_files")
                    .doesNotContain("/etc/passwd");
        }
        lock(a, "new name.txt");
        for (Map<String, String> env : List.of(agentEnv(), withoutJq)) {
            assertThat(hook(applyPatch(patch.formatted("new name.txt"), workDir), env).exitCode()).isZero();
            // Patch paths are the agent's directory's: from src/, src/A.java is src/src/A.java, which is not locked.
            assertThat(hook(applyPatch(patch.formatted("A.java"), workDir.resolve("src")), env).exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aCodexShellCommandIsCheckedOnlyWhenItCarriesAPatch() {
        String patch = "*** Begin Patch\n*** Delete File: gone.txt\n*** End Patch\n";

        Outcome unlocked = hook(shell("apply_patch <<'EOF'\n" + patch + "EOF", workDir), agentEnv());
        assertThat(unlocked.exitCode()).isEqualTo(2);
        assertThat(unlocked.stderr()).contains(abs("gone.txt"));
        lock(a, "gone.txt");
        assertThat(hook(shell("apply_patch <<'EOF'\n" + patch + "EOF", workDir), agentEnv()).exitCode()).isZero();
        // What a plain command writes cannot be told from its text; the hook does not pretend to.
        assertThat(hook(shell("echo x > unlocked.txt", workDir), agentEnv()).exitCode()).isZero();
    }

    @Test
    void aCodexApplyPatchWhoseFilesCannotBeReadIsBlocked() {
        Outcome noPatch = hook(applyPatch("not a patch", workDir), agentEnv());
        Outcome noFile = hook(applyPatch("*** Begin Patch\n*** End Patch\n", workDir), agentEnv());

        assertThat(noPatch.exitCode()).isEqualTo(2);
        assertThat(noPatch.stderr()).contains("found no patch");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.stderr()).contains("found no file in the patch");
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

    /** Codex's PreToolUse input for its apply_patch tool: the patch is the input's command. */
    private static Map<String, Object> applyPatch(String patch, Path cwd) {
        return codex("apply_patch", patch, cwd);
    }

    /** Codex's PreToolUse input for a shell command, which it names Bash. */
    private static Map<String, Object> shell(String command, Path cwd) {
        return codex("Bash", command, cwd);
    }

    private static Map<String, Object> codex(String tool, String command, Path cwd) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("session_id", "thread-1");
        input.put("turn_id", "turn-1");
        input.put("transcript_path", null);
        input.put("cwd", cwd.toString());
        input.put("hook_event_name", "PreToolUse");
        input.put("model", "gpt-5.5");
        input.put("permission_mode", "bypassPermissions");
        input.put("tool_name", tool);
        input.put("tool_input", Map.of("command", command));
        input.put("tool_use_id", "call-1");
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
            } catch (IOException e) {
                // The hook may decide before reading its input (outside the orchestrator it allows at once) and be
                // gone by the time the input is written: what counts is its exit code and stderr.
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
    private Path binWithoutJq() throws IOException {
        Path bin = Files.createDirectories(scratch.resolve("bin-without-jq"));
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
