package dev.autodev.kb;

import java.time.Instant;
import java.util.List;

/**
 * One learning in the knowledge base.
 *
 * @param project       the project key of a {@code project} entry (see {@link ProjectKeys}); null for global ones
 * @param sourceRunId   the run that reported it, or null when a person wrote it
 * @param sourceJobId   that run's job, or null
 * @param sourceModel   the model of that run, or null
 * @param injectedCount how often it was put into a job's prompt as memory
 * @param foundCount    how often search_kb returned it to an agent
 */
public record KbEntry(String id, String title, String content, List<String> tags, KbScope scope, String project,
                      KbEntryStatus status, String sourceRunId, String sourceJobId, String sourceModel,
                      Instant createdAt, Instant updatedAt, long injectedCount, long foundCount) {

    public KbEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
