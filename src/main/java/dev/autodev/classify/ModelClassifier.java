package dev.autodev.classify;

import dev.autodev.agents.SmallModel;
import dev.autodev.agents.SmallModelAnswer;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobAwaitsModel;
import dev.autodev.jobs.JobRepository;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.ModelChoice;
import java.util.Optional;
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

/**
 * Chooses the model of jobs created without one. Classification starts as soon as the job is stored, on a thread of
 * its own; the job waits as pending (the dispatcher skips it) until the choice is stored, which wakes the dispatcher.
 * So a classified job is delayed by the small model's answer (a few seconds) and nothing else is delayed at all;
 * a failure or timeout ({@code autodev.small-model.timeout}) keeps the default model, with the reason on the job.
 */
@Component
class ModelClassifier {

    private static final Logger log = LoggerFactory.getLogger(ModelClassifier.class);

    private final JobRepository jobs;
    private final JobService jobService;
    private final SmallModel smallModel;
    private final ClassifySettings settings;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    ModelClassifier(JobRepository jobs, JobService jobService, SmallModel smallModel, ClassifySettings settings) {
        this.jobs = jobs;
        this.jobService = jobService;
        this.smallModel = smallModel;
        this.settings = settings;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobAwaitsModel event) {
        submit(event.jobId());
    }

    /** Jobs that were waiting for their model when the server stopped. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        jobs.pendingModelChoice().forEach(job -> submit(job.id()));
    }

    private void submit(String jobId) {
        if (!inFlight.add(jobId)) return;
        executor.execute(() -> {
            try {
                jobs.find(jobId).filter(j -> j.modelChoice().source() == ModelChoice.Source.PENDING).ifPresent(this::classify);
            } catch (Exception e) {
                log.error("classifying job {} failed", jobId, e);
                jobService.chooseModel(jobId, jobs.find(jobId).map(Job::model).orElse(null),
                        new ModelChoice(ModelChoice.Source.DEFAULT, null, "classification failed: " + e.getMessage()));
            } finally {
                inFlight.remove(jobId);
            }
        });
    }

    void classify(Job job) {
        SmallModelAnswer answer = smallModel.ask("classify", job.id(), Rating.question(job.title(), job.description()));
        Optional<Rating.Read> read = answer.ok() ? Rating.read(answer.text()) : Optional.empty();
        if (read.isEmpty()) {
            String why = answer.ok() ? "the classifier named no rating" : "the classifier failed: " + answer.error();
            log.warn("job {} keeps the default model {}: {}", job.id(), job.model(), why);
            jobService.chooseModel(job.id(), job.model(), new ModelChoice(ModelChoice.Source.DEFAULT, null, why));
            return;
        }
        String model = settings.tiers().get(read.get().rating());
        jobService.chooseModel(job.id(), model, new ModelChoice(ModelChoice.Source.CLASSIFIED, read.get().rating(),
                read.get().reason()));
    }
}
