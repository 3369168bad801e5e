package dev.autodev.testsupport.fakemodel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A scripted stand-in for the Anthropic Messages API on 127.0.0.1, for running the real Claude Code
 * CLI offline ({@code ANTHROPIC_BASE_URL=}{@link #baseUrl()}).
 *
 * <p>A script is chosen by a marker: the first script whose marker occurs in the text of the first
 * user message of a conversation answers it. Which step answers is the number of assistant messages
 * already in the request's {@code messages}, so the Nth model call of a run gets step N and a
 * {@code --resume}d conversation goes on counting from its history. Past the last step a text step
 * repeats, anything else gives way to the text "done". A step made with {@link Step#afterFailing} first answers
 * its failure to as many calls as it was told (the CLI's retries of the same call all reach it).
 *
 * <p>Side calls (no {@code tools} offered), conversations that match no marker and every other path
 * get a harmless answer ("OK", {@code {}}), so nothing the CLI asks on its own breaks a test. (In
 * {@code -p} mode the pinned CLI 2.1.197 makes no side calls at all, only a {@code HEAD /} probe.)
 * Every request is recorded. Each request is handled on its own virtual thread, so many CLIs can
 * stream at once and a delayed step blocks no one else.
 */
public final class FakeAnthropicApi implements AutoCloseable {

    /** What side calls and unscripted conversations get: short, cheap, and never a tool call. */
    static final Step UNSCRIPTED = Step.text("OK").withUsage(10, 2);
    /** What a script whose steps ran out (and did not end on text) answers. */
    static final Step EXHAUSTED = Step.text("done");
    static final String PART_SEPARATOR = "\u0000";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final MessageReplies replies = new MessageReplies(json);
    private final Map<String, List<Step>> scripts = new LinkedHashMap<>(); // guarded by itself
    private final Map<String, List<Step>> questions = new LinkedHashMap<>(); // guarded by scripts
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    private FakeAnthropicApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fake Anthropic API", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake on a free loopback port. */
    public static FakeAnthropicApi start() {
        return new FakeAnthropicApi();
    }

    /** The address to hand the CLI as {@code ANTHROPIC_BASE_URL}, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Answers conversations whose first user message contains {@code marker} with {@code steps}, in
     * order. Scripting the same marker again replaces its steps; where several markers match, the one
     * scripted first wins.
     */
    public FakeAnthropicApi script(String marker, Step... steps) {
        if (marker == null || marker.isBlank()) {
            throw new IllegalArgumentException("a marker must not be blank");
        }
        if (steps.length == 0) {
            throw new IllegalArgumentException("a script needs at least one step");
        }
        synchronized (scripts) {
            scripts.put(marker, List.of(steps));
        }
        return this;
    }

    /**
     * Answers conversations that match every one of {@code parts}: a part {@code model=<name>} matches the requested
     * model, any other part must occur in the first user message. Lets a test script each phase of a workflow (its
     * marker plus the phase's header line), or one model of several, apart.
     */
    public FakeAnthropicApi script(java.util.List<String> parts, Step... steps) {
        if (parts.isEmpty() || parts.stream().anyMatch(part -> part == null || part.isBlank())) {
            throw new IllegalArgumentException("parts must not be blank");
        }
        return script(String.join(PART_SEPARATOR, parts), steps);
    }

    /**
     * Answers tool-less conversations (the orchestrator's own small-model questions: triage, classification,
     * consolidation) whose first user message contains {@code marker}: the Nth question with that marker gets step
     * N, the last step repeating. Agent conversations are never answered from these.
     */
    public FakeAnthropicApi answerQuestions(String marker, Step... steps) {
        if (marker == null || marker.isBlank() || steps.length == 0) {
            throw new IllegalArgumentException("a marker and at least one step are needed");
        }
        synchronized (scripts) {
            questions.put(marker, new java.util.ArrayList<>(List.of(steps)));
        }
        return this;
    }

    /** The tool-less questions (see {@link #answerQuestions}) whose first user message contains {@code marker}. */
    public List<RecordedRequest> questionsFor(String marker) {
        return requests.stream()
                .filter(RecordedRequest::isQuestion)
                .filter(request -> request.firstUserText().contains(marker))
                .toList();
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The conversation requests (not side calls) whose first user message contains {@code marker}. */
    public List<RecordedRequest> requestsFor(String marker) {
        return requests.stream()
                .filter(RecordedRequest::isMainConversation)
                .filter(request -> matches(marker, request.firstUserText(), request.model()))
                .toList();
    }

    /** Stops at once: open streams are cut and delayed steps are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts handlers still sleeping in afterDelay
    }

    private void handle(HttpExchange exchange) {
        Instant receivedAt = Instant.now();
        try (exchange) {
            RecordedRequest request = record(exchange, receivedAt);
            String method = request.method();
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("POST") && request.isMessagesPath()) {
                answerMessages(exchange, request);
            } else if (method.equals("POST") && request.path().startsWith("/v1/messages/count_tokens")) {
                replies.writeJson(exchange, 200, json.createObjectNode().put("input_tokens", 10));
            } else {
                replies.writeJson(exchange, 200, json.createObjectNode());
            }
        } catch (IOException e) {
            // The client went away mid-answer (a cancelled or killed CLI): nothing left to tell it.
        }
    }

    private RecordedRequest record(HttpExchange exchange, Instant receivedAt) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        RecordedRequest request = new RecordedRequest(
                exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, parse(bytes), receivedAt);
        requests.add(request);
        return request;
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            return MissingNode.getInstance(); // not JSON: recorded as bodiless, answered like any other call
        }
    }

    private void answerMessages(HttpExchange exchange, RecordedRequest request) throws IOException {
        Step step = stepFor(request);
        if (step.delay().isPositive()) {
            try {
                Thread.sleep(step.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closing: do not answer
                return;
            }
        }
        replies.write(exchange, step.resolvedFor(request), request);
    }

    Step stepFor(RecordedRequest request) {
        if (request.isQuestion()) {
            return nextQuestionStep(request.firstUserText());
        }
        if (!request.isMainConversation()) {
            return UNSCRIPTED;
        }
        Map.Entry<String, List<Step>> script = scriptFor(request.firstUserText(), request.model());
        if (script == null) {
            return UNSCRIPTED;
        }
        List<Step> steps = script.getValue();
        int index = request.assistantMessageCount();
        if (index < steps.size()) {
            Step step = steps.get(index);
            return step.failFirst() > 0 && callsReaching(script.getKey(), index) <= step.failFirst() ? step.failure() : step;
        }
        Step last = steps.getLast();
        return last.kind() == Step.Kind.TEXT ? last : EXHAUSTED;
    }

    /** Whether every part of a marker holds: {@code model=<name>} against the model, the rest against the text. */
    public static boolean matches(String marker, String text, String model) {
        for (String part : marker.split(PART_SEPARATOR)) {
            boolean ok = part.startsWith("model=") ? part.substring("model=".length()).equals(model) : text.contains(part);
            if (!ok) return false;
        }
        return true;
    }

    private Step nextQuestionStep(String firstUserText) {
        synchronized (scripts) {
            for (Map.Entry<String, List<Step>> entry : questions.entrySet()) {
                if (firstUserText.contains(entry.getKey())) {
                    List<Step> steps = entry.getValue();
                    return steps.size() > 1 ? steps.removeFirst() : steps.getFirst();
                }
            }
        }
        return UNSCRIPTED;
    }

    private Map.Entry<String, List<Step>> scriptFor(String firstUserText, String model) {
        synchronized (scripts) {
            for (Map.Entry<String, List<Step>> entry : scripts.entrySet()) {
                if (matches(entry.getKey(), firstUserText, model)) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** How many calls of the marker's conversations have reached step {@code index}, the one being answered included. */
    private long callsReaching(String marker, int index) {
        return requestsFor(marker).stream().filter(r -> r.assistantMessageCount() == index).count();
    }
}
