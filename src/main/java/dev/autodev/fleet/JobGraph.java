package dev.autodev.fleet;

import java.time.Instant;
import java.util.List;

/**
 * Jobs and the links between them, for drawing as a DAG.
 *
 * @param truncated true when more jobs match than one answer carries (the newest are kept)
 */
public record JobGraph(List<Node> nodes, List<Edge> edges, boolean truncated) {

    /** A job. */
    public record Node(String id, String title, String status, String model, int attempt, Instant createdAt) {}

    /**
     * A link, drawn from {@code source} to {@code target} in the direction work flows: a dependency before its
     * dependant, a parent before its sub-job, a failed job before its retry.
     */
    public record Edge(String source, String target, EdgeKind kind) {}

    /** Why two jobs are linked. */
    public enum EdgeKind {
        /** {@code target} waits for {@code source} to be done. */
        dependsOn,
        /** {@code target} was created by {@code source}'s agent (a sub-job). */
        parent,
        /** {@code target} is a retry of the failed {@code source}. */
        retryOf
    }
}
