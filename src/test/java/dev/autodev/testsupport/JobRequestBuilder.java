package dev.autodev.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON body of {@code POST /api/jobs}: {@code aJob("do X").withPriority(5).body()}. */
public final class JobRequestBuilder {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private JobRequestBuilder(String description) {
        body.put("description", description);
    }

    public static JobRequestBuilder aJob(String description) {
        return new JobRequestBuilder(description);
    }

    public JobRequestBuilder with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public JobRequestBuilder withPriority(int priority) {
        return with("priority", priority);
    }

    public JobRequestBuilder withMaxTurns(int maxTurns) {
        return with("maxTurns", maxTurns);
    }

    public JobRequestBuilder withStop(String mode, double value) {
        return with("stopMode", mode).with("stopValue", value);
    }

    public JobRequestBuilder dependingOn(String... jobIds) {
        return with("dependsOn", List.of(jobIds));
    }

    public JobRequestBuilder inDir(String workDir) {
        return with("workDir", workDir);
    }

    public Map<String, Object> body() {
        return Map.copyOf(body);
    }
}
