package dev.autodev.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happens when a job fails (not when it is cancelled). */
public enum RetryPolicy {
    /** Nothing: the failure stands. */
    NONE,
    /** Queue an identical copy, up to the job's maxRetries. */
    SAME,
    /** First have the small model diagnose the failure, then queue the copy with the diagnosis in its context. */
    ANALYZE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RetryPolicy> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.json().equals(value)).findFirst();
    }

    static String choices() {
        return String.join(", ", Arrays.stream(values()).map(RetryPolicy::json).toList());
    }
}
