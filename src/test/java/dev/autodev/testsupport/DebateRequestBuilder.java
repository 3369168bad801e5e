package dev.autodev.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON body of {@code POST /api/debates}: {@code aDebate("which?").withRounds(2).body()}. */
public final class DebateRequestBuilder {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private DebateRequestBuilder(String task) {
        body.put("task", task);
        body.put("codexModel", "gpt-5.5");
    }

    public static DebateRequestBuilder aDebate(String task) {
        return new DebateRequestBuilder(task);
    }

    public DebateRequestBuilder with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public DebateRequestBuilder withRounds(int maxRounds) {
        return with("maxRounds", maxRounds);
    }

    public DebateRequestBuilder withLoops(int loopCount) {
        return with("loopCount", loopCount);
    }

    public DebateRequestBuilder inDir(String workDir) {
        return with("workDir", workDir);
    }

    /** A post-action by {@code role} ({@code claude} or {@code codex}), reviewed by the other side if {@code verification}. */
    public DebateRequestBuilder thenAct(String prompt, String role, boolean verification) {
        return with("postActionPrompt", prompt).with("postActionRole", role).with("verification", verification);
    }

    public Map<String, Object> body() {
        return Map.copyOf(body);
    }
}
