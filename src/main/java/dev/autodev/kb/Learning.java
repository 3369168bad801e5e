package dev.autodev.kb;

import java.time.Instant;
import java.util.List;

/**
 * A learning an agent reported with {@code report_learnings}, and what triage made of it.
 *
 * @param project   the project key of the reporting job
 * @param scopeHint what the agent suggested: {@code project} or {@code global}
 * @param status    {@code reported} (waiting for triage), {@code triaging}, {@code kept}, {@code discarded} or
 *                  {@code duplicate}
 * @param reason    why triage decided so (or why it could not and kept it as reported)
 * @param entryId   the entry it became, or the existing entry it duplicates
 */
public record Learning(String id, String runId, String jobId, String model, String project, String title,
                       String content, List<String> tags, KbScope scopeHint, String status, String reason,
                       String entryId, Instant createdAt, Instant decidedAt) {

    static final String REPORTED = "reported";
    static final String TRIAGING = "triaging";
    static final String KEPT = "kept";
    static final String DISCARDED = "discarded";
    static final String DUPLICATE = "duplicate";
}
