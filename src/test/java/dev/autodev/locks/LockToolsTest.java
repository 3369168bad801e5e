package dev.autodev.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.ToolError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** lock_files, release_files and check_file_locks as the model calls them and reads their answers. */
class LockToolsTest extends LockTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LockTools tools;

    @Test
    void lockFilesAnswersAcquiredWithTheLockedFiles() {
        JsonNode answer = call("lock_files", a, Map.of("files", List.of("src/A.java", "checkout::docs"), "reason", "rename A"));

        assertThat(answer.get("status").asString()).isEqualTo("acquired");
        assertThat(answer.get("locks")).extracting(lock -> lock.get("file").asString())
                .containsExactly(abs("src/A.java"), "checkout::" + abs("docs"));
        assertThat(answer.get("locks").get(0).get("yours").asBoolean()).isTrue();
        assertThat(answer.get("locks").get(0).get("reason").asString()).isEqualTo("rename A");
    }

    @Test
    void lockFilesAnswersTimedOutWithWhoHoldsWhat() {
        call("lock_files", a, Map.of("files", List.of("busy.txt"), "reason", "mine for now"));

        JsonNode answer = call("lock_files", b, Map.of("files", List.of("busy.txt"), "reason", "x", "timeout_seconds", 0));

        assertThat(answer.get("status").asString()).isEqualTo("timed_out");
        JsonNode holder = answer.get("held_by").get(abs("busy.txt"));
        assertThat(holder.get("run_id").asString()).isEqualTo(a.runId());
        assertThat(holder.get("reason").asString()).isEqualTo("mine for now");
        assertThat(answer.get("advice").asString()).contains("Call lock_files again");
    }

    @Test
    void lockFilesAnswersDeadlockDetectedWithTheCycleAndAdvice() {
        call("lock_files", a, Map.of("files", List.of("x"), "reason", "r"));
        call("lock_files", b, Map.of("files", List.of("y"), "reason", "r"));
        CompletableFuture.runAsync(() -> call("lock_files", a, Map.of("files", List.of("y"), "reason", "r", "timeout", 10)),
                Executors.newVirtualThreadPerTaskExecutor());
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.isWaiting(a.runId()));

        JsonNode answer = call("lock_files", b, Map.of("files", List.of("x"), "reason", "r"));

        assertThat(answer.get("status").asString()).isEqualTo("deadlock_detected");
        assertThat(answer.get("cycle")).extracting(JsonNode::asString)
                .containsExactly("you (" + b.runId() + ")", a.runId(), "you (" + b.runId() + ")");
        assertThat(answer.get("held_by").has(abs("x"))).isTrue();
        assertThat(answer.get("advice").asString()).contains("release_files");
    }

    @Test
    void ttlIsTakenInSecondsUnderEitherNameAndAsText() {
        Instant before = Instant.now();
        call("lock_files", a, Map.of("files", List.of("one"), "reason", "r", "ttl_seconds", 120));
        call("lock_files", b, Map.of("files", List.of("two"), "reason", "r", "ttl", "90.5"));

        Instant after = Instant.now();

        FileLock one = registry.list().stream().filter(l -> l.runId().equals(a.runId())).findFirst().orElseThrow();
        FileLock two = registry.list().stream().filter(l -> l.runId().equals(b.runId())).findFirst().orElseThrow();
        // Taken between before and after, however slow the machine: 120 s from then.
        assertThat(one.expiresAt()).isBetween(before.plusSeconds(120).minusMillis(1), after.plusSeconds(120));
        assertThat(Duration.between(one.acquiredAt(), one.expiresAt())).isEqualTo(Duration.ofSeconds(120));
        assertThat(Duration.between(two.acquiredAt(), two.expiresAt())).isEqualTo(Duration.ofMillis(90_500));
    }

    @Test
    void unusableArgumentsAreRefusedWithAMessageTheModelCanActOn() {
        assertThatThrownBy(() -> call("lock_files", a, Map.of("reason", "r")))
                .isInstanceOf(ToolError.class).hasMessageContaining("files");
        assertThatThrownBy(() -> call("lock_files", a, Map.of("files", List.of("f"), "timeout_seconds", "soon")))
                .isInstanceOf(ToolError.class).hasMessageContaining("timeout_seconds");
        assertThatThrownBy(() -> call("lock_files", a, Map.of("files", List.of("f"), "ttl", -5)))
                .isInstanceOf(ToolError.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> call("lock_files", a, Map.of("files", List.of("checkout::"))))
                .isInstanceOf(ToolError.class).hasMessageContaining("checkout::");
    }

    @Test
    void releaseFilesReleasesOwnLocksAndSaysWhyOthersStay() {
        call("lock_files", a, Map.of("files", List.of("a1", "a2"), "reason", "r"));
        call("lock_files", b, Map.of("files", List.of("b1"), "reason", "r"));

        JsonNode answer = call("release_files", a, Map.of("files", List.of("a1", "b1")));

        assertThat(answer.get("released")).extracting(JsonNode::asString).containsExactly(abs("a1"));
        assertThat(answer.get("not_released").get(0).get("file").asString()).isEqualTo(abs("b1"));
        assertThat(answer.get("not_released").get(0).get("reason").asString()).contains("another agent", b.runId());
        JsonNode all = call("release_files", a, Map.of());
        assertThat(all.get("released")).extracting(JsonNode::asString).containsExactly(abs("a2"));
        assertThat(pathsHeldBy(b)).containsExactly(abs("b1"));
    }

    @Test
    void checkFileLocksListsLocksAndWhichAreYours() {
        call("lock_files", a, Map.of("files", List.of("checkout::pkg"), "reason", "moving pkg"));
        call("lock_files", b, Map.of("files", List.of("other.txt"), "reason", "r"));

        JsonNode filtered = call("check_file_locks", b, Map.of("files", List.of("pkg/Inner.java")));
        JsonNode all = call("check_file_locks", b, Map.of());

        assertThat(filtered.get("count").asInt()).isEqualTo(1);
        JsonNode lock = filtered.get("locks").get(0);
        assertThat(lock.get("file").asString()).isEqualTo("checkout::" + abs("pkg"));
        assertThat(lock.get("yours").asBoolean()).isFalse();
        assertThat(lock.get("reason").asString()).isEqualTo("moving pkg");
        assertThat(all.get("locks")).filteredOn(l -> l.get("yours").asBoolean())
                .extracting(l -> l.get("file").asString()).containsExactly(abs("other.txt"));
    }

    @Test
    void everyToolHasAValidSchemaAndADescriptionThatMentionsTheHook() {
        assertThat(tools.tools()).extracting(McpTool::name).containsExactly("lock_files", "release_files", "check_file_locks");
        for (McpTool tool : tools.tools()) {
            assertThat(JSON.readTree(tool.inputSchema()).get("type").asString()).isEqualTo("object");
        }
        assertThat(tools.tools().getFirst().description()).contains("hook", "deadlock_detected", "checkout::");
    }

    /** Calls a tool the way the MCP server does: JSON arguments in, and the answer as the JSON the model reads. */
    private JsonNode call(String name, dev.autodev.agents.AgentIdentity caller, Map<String, Object> arguments) {
        McpTool tool = tools.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        try {
            Object answer = tool.handler().call(caller, JSON.valueToTree(arguments));
            return JSON.readTree(JSON.writeValueAsString(answer));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
