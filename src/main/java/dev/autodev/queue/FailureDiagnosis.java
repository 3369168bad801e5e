package dev.autodev.queue;

import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.EventRepository;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.SmallModel;
import dev.autodev.agents.SmallModelAnswer;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analyze retry's diagnosis: once a failed job's end is stored, the small model (the shared one-question service)
 * is asked why it failed, from its task, its failure and the end of its output, and the retry is queued with the
 * answer in {@code context.diagnosis}. A failed or empty answer still queues the retry, saying the diagnosis did not
 * succeed. Waiting diagnoses are stored, so a restart picks them up again.
 */
@Component
class FailureDiagnosis {

    private static final Logger log = LoggerFactory.getLogger(FailureDiagnosis.class);
    private static final int TAIL_EVENTS = 20;
    private static final int TAIL_CHARS = 3000;

    private final Diagnoses diagnoses;
    private final JobRepository jobs;
    private final JobService jobService;
    private final RunRepository runs;
    private final EventRepository events;
    private final SmallModel smallModel;
    private final TransactionTemplate tx;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    FailureDiagnosis(Diagnoses diagnoses, JobRepository jobs, JobService jobService, RunRepository runs,
                     EventRepository events, SmallModel smallModel, TransactionTemplate tx) {
        this.diagnoses = diagnoses;
        this.jobs = jobs;
        this.jobService = jobService;
        this.runs = runs;
        this.events = events;
        this.smallModel = smallModel;
        this.tx = tx;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        if (event.status() == JobStatus.FAILED) submit(event.jobId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        diagnoses.allWaiting().forEach(this::submit);
    }

    private void submit(String jobId) {
        if (!inFlight.add(jobId)) return;
        executor.execute(() -> {
            try {
                if (diagnoses.waitsForDiagnosis(jobId)) diagnose(jobId);
            } catch (Exception e) {
                log.error("diagnosing failed job {} failed; a restart tries again", jobId, e);
            } finally {
                inFlight.remove(jobId);
            }
        });
    }

    private void diagnose(String failedJobId) {
        Job job = jobs.find(failedJobId).orElseThrow();
        List<AgentRun> tried = runs.ofJob(failedJobId);
        SmallModelAnswer answer = smallModel.ask("diagnosis", failedJobId, question(job, tried.isEmpty() ? null : tried.getLast()));
        String diagnosis = answer.ok() && answer.text() != null && !answer.text().isBlank() ? answer.text().strip()
                : "(the diagnosis did not succeed: " + (answer.ok() ? "the answer was empty" : answer.error()) + ")";
        tx.executeWithoutResult(s -> {
            if (!diagnoses.waitsForDiagnosis(failedJobId)) return;
            Job retry = jobService.retry(failedJobId, Map.of("diagnosis", diagnosis));
            diagnoses.retried(failedJobId, retry.id());
        });
    }

    private String question(Job job, AgentRun run) {
        return """
                An agent's job failed. Diagnose why, briefly: what went wrong, and what the next attempt should do \
                differently. Answer in a few sentences.

                ## The job
                %s

                ## How it failed
                Failure kind: %s
                Error: %s

                ## The end of its output
                %s""".formatted(job.description().strip(),
                run == null || run.failureKind() == null ? "unknown" : run.failureKind().json(),
                run == null ? job.statusReason() : run.errorMessage(), run == null ? "(no run)" : outputTail(run.id()));
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
