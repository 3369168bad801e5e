package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the small model one question and returns its answer: the one place the system talks to a model on its own
 * account (triage, classification, consolidation). It runs the same Claude Code binary with the same environment
 * as jobs, in print mode, with no tools, no MCP servers and a short system prompt of its own, so the answer is text
 * and nothing else. Each call is recorded with its cost as system spend. A call never throws: a failure or a
 * timeout comes back as an answer with an error, and the caller falls back to its safe default.
 */
@Service
public class SmallModel {

    private static final Logger log = LoggerFactory.getLogger(SmallModel.class);
    private static final String SYSTEM_PROMPT = "You answer one question from an orchestration system. "
            + "Answer exactly in the format the question asks for, briefly, with no preamble.";

    private final AgentProperties agents;
    private final SmallModelProperties properties;
    private final SmallModelCalls calls;
    private final JsonMapper json;
    private final Clock clock;
    private final Semaphore slots;

    SmallModel(AgentProperties agents, SmallModelProperties properties, SmallModelCalls calls, JsonMapper json, Clock clock) {
        this.agents = agents;
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.clock = clock;
        this.slots = new Semaphore(properties.maxConcurrent(), true);
    }

    /** The model questions go to unless a caller names another. */
    public String defaultModel() {
        return properties.model();
    }

    /**
     * Asks {@code question} and waits for the answer (at most the configured timeout).
     *
     * @param purpose   what the answer is for, recorded with the spend (e.g. {@code triage})
     * @param subjectId what it is about (a job id), recorded with the spend; may be null
     */
    public SmallModelAnswer ask(String purpose, String subjectId, String question) {
        long started = clock.millis();
        Usage usage = new Usage();
        SmallModelAnswer answer;
        try {
            if (!slots.tryAcquire(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                answer = SmallModelAnswer.failed("no free slot for a small-model call within " + properties.timeout());
            } else {
                try {
                    answer = run(question, usage);
                } finally {
                    slots.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = SmallModelAnswer.failed("interrupted");
        } catch (Exception e) {
            answer = SmallModelAnswer.failed("the small-model call failed: " + e.getMessage());
        }
        if (!answer.ok()) log.warn("small-model call for {} {} failed: {}", purpose, subjectId, answer.error());
        try {
            calls.record(purpose, subjectId, properties.model(), answer, usage.input, usage.output,
                    clock.millis() - started, clock.millis());
        } catch (Exception e) {
            log.warn("could not record the small-model call for {} {}", purpose, subjectId, e);
        }
        return answer;
    }

    private SmallModelAnswer run(String question, Usage usage) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(agents.logDir().resolve("small-model"));
        Path prompt = Files.createTempFile(dir, "question-", ".txt");
        Path stdout = prompt.resolveSibling(prompt.getFileName().toString().replace(".txt", ".json"));
        Path stderr = prompt.resolveSibling(prompt.getFileName().toString().replace(".txt", ".stderr"));
        try {
            Files.writeString(prompt, question);
            ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inNewGroup(command(), agents.niceness()))
                    .directory(dir.toFile())
                    .redirectInput(prompt.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            if ("root".equals(System.getProperty("user.name"))) builder.environment().put("IS_SANDBOX", "1");
            builder.environment().putAll(agents.env());
            Process process = builder.start();
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessGroups.kill(process.toHandle());
                return SmallModelAnswer.failed("timed out after " + properties.timeout());
            }
            return parse(Files.readString(stdout), tail(stderr), process.exitValue(), usage);
        } finally {
            for (Path file : List.of(prompt, stdout, stderr)) Files.deleteIfExists(file);
        }
    }

    private List<String> command() {
        List<String> args = new ArrayList<>(List.of(agents.claudeBin(), "-p", "--output-format", "json",
                "--model", properties.model(), "--max-turns", "1",
                // No tools and no MCP servers: the answer is text, and the question cannot touch anything.
                "--tools", "", "--strict-mcp-config", "--no-session-persistence",
                "--system-prompt", SYSTEM_PROMPT));
        return args;
    }

    private SmallModelAnswer parse(String out, String stderr, int exitCode, Usage usage) {
        JsonNode result = null;
        for (String line : out.split("\n")) {
            if (!line.isBlank() && line.strip().startsWith("{")) {
                try {
                    JsonNode node = json.readTree(line);
                    if ("result".equals(node.path("type").asString(""))) result = node;
                } catch (Exception e) {
                    // Not JSON: a stray line; the result object is what counts.
                }
            }
        }
        if (result == null) {
            return SmallModelAnswer.failed("the CLI exited with " + exitCode + " and no result"
                    + (stderr.isBlank() ? "" : ": " + stderr));
        }
        usage.input = result.path("usage").path("input_tokens").asLong(0);
        usage.output = result.path("usage").path("output_tokens").asLong(0);
        double cost = result.path("total_cost_usd").asDouble(0);
        String text = result.path("result").asString("");
        if (result.path("is_error").asBoolean(false)) {
            return new SmallModelAnswer(null, "the model call failed: " + abbreviate(text), cost);
        }
        return new SmallModelAnswer(text, null, cost);
    }

    private static String tail(Path stderr) throws IOException {
        String text = Files.exists(stderr) ? Files.readString(stderr).strip() : "";
        return abbreviate(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : "…" + text.substring(text.length() - 300);
    }

    private static final class Usage {
        long input;
        long output;
    }
}
