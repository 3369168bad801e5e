package dev.autodev.web;

import dev.autodev.fleet.FleetProperties;
import dev.autodev.fleet.GraphRepository;
import dev.autodev.fleet.JobGraph;
import dev.autodev.fleet.Timeline;
import dev.autodev.fleet.TimelineRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet at a glance: what ran when (timeline) and what waits on what (graph). */
@RestController
class FleetController {

    private final TimelineRepository timeline;
    private final GraphRepository graph;
    private final FleetProperties properties;
    private final Clock clock;

    FleetController(TimelineRepository timeline, GraphRepository graph, FleetProperties properties, Clock clock) {
        this.timeline = timeline;
        this.graph = graph;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs overlapping [from, to); {@code to} defaults to now, {@code from} to the configured window before it. */
    @GetMapping("/api/timeline")
    Timeline timeline(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = QueryParams.time("to", to);
        if (end == null) end = clock.instant();
        Instant start = QueryParams.time("from", from);
        if (start == null) start = end.minus(properties.timelineWindow());
        QueryParams.window(start, end);
        return timeline.between(start, end);
    }

    /** Jobs created since {@code since} and their links, only a project's jobs when {@code projectId} is given. */
    @GetMapping("/api/graph")
    JobGraph graph(@RequestParam(required = false) String projectId, @RequestParam(required = false) String since) {
        Instant start = QueryParams.time("since", since);
        if (start == null) start = clock.instant().minus(properties.graphWindow());
        return graph.since(start, projectId == null || projectId.isBlank() ? null : projectId);
    }
}
