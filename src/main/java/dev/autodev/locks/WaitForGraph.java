package dev.autodev.locks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deadlock detection over "run A waits for a file run B holds" edges. A run about to wait asks whether its own
 * edges close a cycle back to itself; if they do, nobody in the cycle could ever proceed, so it gives up instead.
 */
final class WaitForGraph {

    private WaitForGraph() {}

    /**
     * A cycle through {@code start}: the run ids from {@code start} around and back to it, or empty when waiting
     * would end once the others finish.
     *
     * @param edges for each waiting run, the runs holding what it waits for
     */
    static Optional<List<String>> cycleThrough(String start, Map<String, Set<String>> edges) {
        List<String> path = new ArrayList<>();
        path.add(start);
        return search(start, start, edges, path, new HashSet<>());
    }

    private static Optional<List<String>> search(String start, String at, Map<String, Set<String>> edges,
                                                 List<String> path, Set<String> visited) {
        for (String next : edges.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return Optional.of(cycle);
            }
            if (!visited.add(next)) continue;
            path.add(next);
            Optional<List<String>> found = search(start, next, edges, path, visited);
            if (found.isPresent()) return found;
            path.removeLast();
        }
        return Optional.empty();
    }
}
