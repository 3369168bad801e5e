package dev.autodev.batches;

import java.time.Instant;
import java.util.List;

/** A saved list of task descriptions that run together, one job per item. */
public record BatchTemplate(String id, String name, List<String> items, Instant createdAt, Instant updatedAt) {

    public BatchTemplate {
        items = List.copyOf(items);
    }
}
