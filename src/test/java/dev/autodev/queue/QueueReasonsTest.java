package dev.autodev.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.StopMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueReasonsTest {

    private static final QueueReasons.Room ROOM = new QueueReasons.Room(3, 5, true, 8);

    @Test
    void aJobWithRoomAndItsDependenciesDoneWaitsForNothing() {
        assertThat(QueueReasons.of(job(true), Map.of("a", JobStatus.DONE), ROOM)).isNull();
    }

    @Test
    void dependenciesStillToFinishComeFirst() {
        String reason = QueueReasons.of(job(false), Map.of("b", JobStatus.RUNNING, "a", JobStatus.DONE, "c", JobStatus.QUEUED),
                new QueueReasons.Room(0, 5, false, 8));
        assertThat(reason).isEqualTo("waiting for 2 dependencies: b, c to finish");
        assertThat(QueueReasons.of(job(false), Map.of("b", JobStatus.RUNNING), ROOM)).isEqualTo("waiting for dependency b to finish");
    }

    @Test
    void aFullAgentCapIsNamed() {
        assertThat(QueueReasons.of(job(false), Map.of(), new QueueReasons.Room(0, 5, true, 8)))
                .isEqualTo("waiting for a free agent slot: all 5 are in use (setting max concurrent agents)");
    }

    @Test
    void onlyInteractiveJobsWaitForASession() {
        QueueReasons.Room noSession = new QueueReasons.Room(3, 5, false, 2);
        assertThat(QueueReasons.of(job(false), Map.of(), noSession)).isNull();
        assertThat(QueueReasons.of(job(true), Map.of(), noSession)).isEqualTo("waiting for an interactive session: all 2"
                + " are in use (autodev.interactive.max-sessions); it starts when one ends");
    }

    private static Job job(boolean interactive) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new Job("j", "t", "d", JobStatus.QUEUED, null, 0, "claude-sonnet-4-6", "/tmp", null, StopMode.TURNS,
                null, Map.of(), null, null, List.of(), null, null, now, now, false, List.of(), null, 0, 1, null, null, null,
                false, null, null, interactive);
    }
}
