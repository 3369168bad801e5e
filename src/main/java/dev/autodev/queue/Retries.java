package dev.autodev.queue;

import dev.autodev.agents.FailureKind;
import dev.autodev.agents.RunOutcome;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.RetryPolicy;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A failed job's retry policy: {@code same} queues an identical copy, {@code analyze} first has the small model
 * diagnose the failure ({@link FailureDiagnosis}) and then queues the copy with the diagnosis in its context. Both
 * stop after the job's maxRetries, and neither retries an auth failure. Called inside the transaction that records
 * the run's end, so a retry (or the wait for its diagnosis) is stored exactly when the failure is recorded.
 */
@Component
class Retries {

    private final JobService jobService;
    private final Diagnoses diagnoses;

    Retries(JobService jobService, Diagnoses diagnoses) {
        this.jobService = jobService;
        this.diagnoses = diagnoses;
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
        diagnoses.awaitDiagnosis(job.id());
        return reason + " (diagnosing the failure before retrying)";
    }

    /**
     * After any job's end: a diagnosis job of an earlier version (before diagnoses were small-model questions) that
     * finished, well or not, queues the retry it was run for.
     */
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
}
