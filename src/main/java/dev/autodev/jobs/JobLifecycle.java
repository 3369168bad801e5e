package dev.autodev.jobs;

import dev.autodev.common.StateTransitions;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The one way a job's status changes: refuses moves the table does not allow, and records the ones it makes. */
@Component
public class JobLifecycle {

    private final JobRepository jobs;
    private final StateTransitions transitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobLifecycle(JobRepository jobs, StateTransitions transitions, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the job from {@code from} to {@code to}. Returns false when the job was no longer in {@code from}
     * (someone else moved it first); throws when the move itself is not allowed. Call inside a write transaction.
     */
    public boolean move(String jobId, JobStatus from, JobStatus to, String reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("job " + jobId + " cannot move from " + from.wireName() + " to " + to.wireName());
        }
        if (!jobs.move(jobId, from, to, reason, clock.millis())) return false;
        transitions.record("job", jobId, from, to, reason);
        events.publishEvent(new JobChanged(jobId, to));
        return true;
    }

    /** Puts a repeating job back in the queue, due after its interval. */
    public boolean requeueAfter(String jobId, JobStatus from, long dueAtMillis, String reason) {
        if (!move(jobId, from, JobStatus.QUEUED, reason)) return false;
        jobs.reschedule(jobId, dueAtMillis);
        return true;
    }
}
