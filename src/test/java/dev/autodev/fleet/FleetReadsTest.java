package dev.autodev.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodev.fleet.JobGraph.EdgeKind;
import dev.autodev.testsupport.MigratedDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timeline and graph over a scripted set of jobs and runs. */
class FleetReadsTest {

    private static final long H = 3_600_000;
    private static final long T0 = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();

    private MigratedDatabase database;

    @BeforeEach
    void scriptedJobs() {
        database = MigratedDatabase.create();
        // plan -> (build, test) -> ship; build has a sub-job; test failed and was retried.
        database.job("plan", "Plan", "done", T0, null, null);
        database.job("build", "Build", "done", T0 + 1, null, null);
        database.job("build-sub", "Build a part", "done", T0 + 2, "build", null);
        database.job("test", "Test", "failed", T0 + 3, null, null);
        database.job("test-2", "Test", "running", T0 + 4, null, "test");
        database.job("ship", "Ship", "queued", T0 + 5, null, null);
        database.dependency("build", "plan");
        database.dependency("test", "plan");
        database.dependency("ship", "build");
        database.dependency("ship", "test-2");
        database.job("ancient", "Long ago", "done", T0 - 30 * 24 * H, null, null);

        database.run("r-plan", "plan", "done", "claude", "claude-sonnet-4-6", T0, T0 + H, 0.5, false, 100, 10);
        database.run("r-build", "build", "done", "codex", "gpt-5.5", T0 + H, T0 + 3 * H, 0.2, true, 100, 10);
        database.run("r-test", "test", "failed", "claude", "claude-sonnet-4-6", T0 + H, T0 + 2 * H, 0.1, false, 1, 1);
        database.run("r-test-2a", "test-2", "failed", "claude", "claude-sonnet-4-6", T0 + 4 * H, T0 + 5 * H, 0.1, false, 1, 1);
        database.run("r-test-2b", "test-2", "running", "claude", "claude-sonnet-4-6", T0 + 5 * H, null, 0.1, false, 1, 1);
        database.run("r-ancient", "ancient", "done", "claude", "claude-sonnet-4-6", T0 - 30 * 24 * H, T0 - 30 * 24 * H + 1, 0, false, 0, 0);
    }

    @Test
    void theTimelineHasOneRowPerJobWithTheRunsThatOverlapTheWindow() {
        Timeline timeline = new TimelineRepository(database.db()).between(at(T0 + 2 * H + 1), at(T0 + 6 * H));

        // plan ended before the window; test's run ended at 2 h; build's run spans the window's start.
        assertThat(timeline.rows()).extracting(Timeline.Row::jobId).containsExactly("build", "test-2");
        Timeline.Row retried = timeline.rows().get(1);
        assertThat(retried.runs()).extracting(Timeline.Bar::runId, Timeline.Bar::outcome)
                .containsExactly(tuple("r-test-2a", "failed"), tuple("r-test-2b", "running"));
        assertThat(retried.runs().get(1).finishedAt()).isNull();
        assertThat(timeline.runCount()).isEqualTo(3);
        assertThat(timeline.truncated()).isFalse();
    }

    @Test
    void aWindowWithNoRunsIsEmpty() {
        Timeline empty = new TimelineRepository(database.db()).between(at(T0 - 10 * H), at(T0 - 9 * H));

        assertThat(empty.rows()).isEmpty();
    }

    @Test
    void theGraphLinksDependenciesSubJobsAndRetriesAmongTheJobsSinceATime() {
        JobGraph graph = new GraphRepository(database.db()).since(at(T0));

        assertThat(graph.nodes()).extracting(JobGraph.Node::id)
                .containsExactly("plan", "build", "build-sub", "test", "test-2", "ship");
        assertThat(graph.edges()).extracting(JobGraph.Edge::source, JobGraph.Edge::target, JobGraph.Edge::kind)
                .containsExactlyInAnyOrder(
                        tuple("plan", "build", EdgeKind.dependsOn),
                        tuple("plan", "test", EdgeKind.dependsOn),
                        tuple("build", "ship", EdgeKind.dependsOn),
                        tuple("test-2", "ship", EdgeKind.dependsOn),
                        tuple("build", "build-sub", EdgeKind.parent),
                        tuple("test", "test-2", EdgeKind.retryOf));
        assertThat(graph.nodes().get(3).status()).isEqualTo("failed");
    }

    @Test
    void edgesToJobsOutsideTheWindowAreLeftOut() {
        JobGraph graph = new GraphRepository(database.db()).since(at(T0 + 3));

        assertThat(graph.nodes()).extracting(JobGraph.Node::id).containsExactly("test", "test-2", "ship");
        assertThat(graph.edges()).extracting(JobGraph.Edge::source, JobGraph.Edge::target)
                .containsExactlyInAnyOrder(tuple("test", "test-2"), tuple("test-2", "ship"));
    }

    @Test
    void aProjectNarrowsTheGraphToItsJobsAndTheLinksAmongThem() {
        // plan, build and ship in Release; test and test-2 in QA; build-sub in none.
        database.project("p-release", "Release", T0, "plan", "build", "ship");
        database.project("p-qa", "QA", T0, "test", "test-2");
        GraphRepository graphs = new GraphRepository(database.db());

        JobGraph release = graphs.since(at(T0), "p-release");
        assertThat(release.nodes()).extracting(JobGraph.Node::id).containsExactly("plan", "build", "ship");
        // build's sub-job and ship's link to test-2 lie outside the project.
        assertThat(release.edges()).extracting(JobGraph.Edge::source, JobGraph.Edge::target, JobGraph.Edge::kind)
                .containsExactlyInAnyOrder(
                        tuple("plan", "build", EdgeKind.dependsOn),
                        tuple("build", "ship", EdgeKind.dependsOn));

        JobGraph qa = graphs.since(at(T0), "p-qa");
        assertThat(qa.nodes()).extracting(JobGraph.Node::id).containsExactly("test", "test-2");
        assertThat(qa.edges()).extracting(JobGraph.Edge::source, JobGraph.Edge::target, JobGraph.Edge::kind)
                .containsExactly(tuple("test", "test-2", EdgeKind.retryOf));

        assertThat(graphs.since(at(T0), "no-such-project").nodes()).isEmpty();
        assertThat(graphs.since(at(T0), null).nodes()).hasSize(6);
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
