package dev.autodev.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.common.Db;
import dev.autodev.common.Ids;
import dev.autodev.testsupport.AgentIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A run the database calls running, whose process is gone and which no supervisor follows (as after a supervisor
 * thread died): the watchdog reads what it left and finishes it.
 */
class WatchdogTest extends AgentIntegrationTest {

    @Autowired
    Watchdog watchdog;

    @Autowired
    Db db;

    @Test
    void aRunWhoseProcessIsGoneIsClassifiedAndFinished() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        String jobId = Ids.newId();
        String runId = Ids.newId();
        long longAgo = System.currentTimeMillis() - 120_000;
        db.write().sql("""
                INSERT INTO jobs (id, title, description, status, model, work_dir, created_at, updated_at)
                VALUES (?, 'orphan', 'orphan', 'running', 'claude-sonnet-4-6', ?, ?, ?)""")
                .params(jobId, newWorkDir().toString(), longAgo, longAgo).update();
        db.write().sql("""
                INSERT INTO agent_runs (id, job_id, status, agent_kind, model, prompt, started_at, pid, session_id, process_started_at)
                VALUES (?, ?, 'running', 'claude', 'claude-sonnet-4-6', 'orphan', ?, ?, 'session-x', ?)""")
                .params(runId, jobId, longAgo, process.pid(), longAgo).update();
        Path logs = Files.createDirectories(ROOT.resolve("agent-logs"));
        Files.writeString(logs.resolve(runId + ".ndjson"), """
                {"type":"system","subtype":"init","session_id":"session-x","tools":[],"mcp_servers":[],"model":"claude-sonnet-4-6"}
                {"type":"assistant","message":{"id":"m1","content":[{"type":"text","text":"working on it"}],"usage":{"input_tokens":10,"output_tokens":0}},"session_id":"session-x"}
                """);

        watchdog.sweep();

        JsonNode job = awaitJob(jobId, "failed");
        JsonNode run = job.get("runs").get(0);
        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("failureKind").asString()).isEqualTo("cli_crash");
        assertThat(api.get("/api/agents/" + runId + "/output").body().get("events").size()).isEqualTo(2);
    }
}
