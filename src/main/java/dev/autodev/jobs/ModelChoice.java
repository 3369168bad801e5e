package dev.autodev.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a job's model was chosen. A job created without a model is rated by a small model (simple, medium, complex)
 * and given that tier's model; until then it waits as {@link Source#PENDING} and is not dispatched.
 *
 * @param source where the model came from
 * @param rating the classifier's rating ({@code simple}, {@code medium}, {@code complex}), or null
 * @param reason why: the classifier's reason, or why the default model was kept (e.g. the classifier failed)
 */
public record ModelChoice(Source source, String rating, String reason) {

    public static final ModelChoice EXPLICIT = new ModelChoice(Source.EXPLICIT, null, null);

    public ModelChoice {
        if (source == null) source = Source.EXPLICIT;
    }

    /** Where a job's model came from. */
    public enum Source {
        /** The person or agent that created the job named the model; it always wins. */
        EXPLICIT,
        /** Created without a model; the classifier has not answered yet, so the job is not dispatched. */
        PENDING,
        /** The classifier rated the task and its tier's model was taken. */
        CLASSIFIED,
        /** The configured default model: classification is off, failed or timed out. */
        DEFAULT;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source fromWire(String value) {
            return value == null ? EXPLICIT : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
