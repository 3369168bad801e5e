package dev.autodev.queue;

import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.EventRepository;
import dev.autodev.agents.FailureKind;
import dev.autodev.agents.RunOutcome;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.NewJob;
import dev.autodev.jobs.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A failed job's retry policy: {@code same} queues an identical copy, {@code analyze} first queues a short diagnosis
 * job and, once that ends, the copy with the diagnosis in its context. Both stop after the job's maxRetries, and
 * neither retries an auth failure. Called inside the transaction that records the run's end, so a retry is queued
 * exactly when the failure is recorded.
 */
@Component
class Retries {

    static final String DIAGNOSIS_MODEL = "claude-haiku-4-5";
    static final int DIAGNOSIS_MAX_TURNS = 3;
    private static final int TAIL_EVENTS = 20;
    private static final int TAIL_CHARS = 3000;

    private final JobService jobService;
    private final Diagnoses diagnoses;
    private final EventRepository events;

    Retries(JobService jobService, Diagnoses diagnoses, EventRepository events) {
        this.jobService = jobService;
        this.diagnoses = diagnoses;
        this.events = events;
    }

    /** Queues what the job's policy asks for after this failure, and returns the reason to record on the job. */
    String afterFailure(Job job, String runId, RunOutcome outcome) {
        String reason = outcome.errorMessage();
        if (job.retryPolicy() == RetryPolicy.NONE) return reason;
        if (outcome.failureKind() == FailureKind.AUTH) {
            return reason + " (not retried: an auth failure needs new credentials, not another attempt)";
        }
        int retriesSoFar = job.attempt() - 1;
        if (retriesSoFar >= job.maxRetries()) return reason + " (not retried: " + job.maxRetries() + " retries used)";
        if (job.retryPolicy() == RetryPolicy.SAME) {
            return reason + " (retried as job " + jobService.retry(job.id()).id() + ")";
        }
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(job.workDir()))) {
            return reason + " (not retried: work dir " + job.workDir() + " is gone)";
        }
        Job diagnosis = jobService.create(diagnosisRequest(job, runId, outcome), job.id());
        diagnoses.insert(diagnosis.id(), job.id());
        return reason + " (diagnosing in job " + diagnosis.id() + " before retrying)";
    }

    /** After any job's end: a diagnosis job that finished (well or not) queues the retry it was run for. */
    void afterEnd(Job job, JobStatus status, RunOutcome outcome) {
        if (!status.isTerminal() || status == JobStatus.CANCELLED) return;
        Optional<String> failedJob = diagnoses.pendingFailedJob(job.id());
        if (failedJob.isEmpty()) return;
        String diagnosis = status == JobStatus.DONE && outcome.resultText() != null && !outcome.resultText().isBlank()
                ? outcome.resultText().strip()
                : "(the diagnosis did not succeed: " + outcome.errorMessage() + ")";
        Job retry = jobService.retry(failedJob.get(), Map.of("diagnosis", diagnosis));
        diagnoses.retried(job.id(), retry.id());
    }

    private NewJob diagnosisRequest(Job job, String runId, RunOutcome outcome) {
        String description = """
                An agent's job failed. Diagnose why, briefly: what went wrong, and what the next attempt should do \
                differently. Do not try to do the job yourself; answer in a few sentences.

                ## The job
                %s

                ## How it failed
                Failure kind: %s
                Error: %s

                ## The end of its output
                %s""".formatted(job.description().strip(),
                outcome.failureKind() == null ? "unknown" : outcome.failureKind().json(), outcome.errorMessage(),
                outputTail(runId));
        return new NewJob(description, "Diagnose: " + job.title(), job.priority(), DIAGNOSIS_MODEL, job.workDir(),
                DIAGNOSIS_MAX_TURNS, null, null, null, null, null, null, null, null, null, null, null, job.projectId());
    }

    private String outputTail(String runId) {
        List<AgentEvent> last = events.last(runId, TAIL_EVENTS);
        StringBuilder tail = new StringBuilder();
        for (AgentEvent event : last) {
            String text = event.text() == null ? "" : event.text().strip();
            if (text.length() > 300) text = text.substring(0, 300) + "…";
            tail.append(event.type()).append(": ").append(text).append('\n');
        }
        String text = tail.toString().strip();
        if (text.isEmpty()) return "(no output)";
        return text.length() <= TAIL_CHARS ? text : "…" + text.substring(text.length() - TAIL_CHARS);
    }
}
