package dev.autodev.kb;

import dev.autodev.agents.SmallModel;
import dev.autodev.agents.SmallModelAnswer;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.JobRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a job ends, decides what becomes of the learnings its runs reported: the small model rates each one
 * project, global, discard or a duplicate of an existing entry, and the survivors are stored with their provenance
 * (pending when review mode is on). When the small model fails or triage is off, learnings are kept as reported,
 * and the reason is recorded on each. Runs on its own threads, never the job's.
 */
@Component
class Triage {

    private static final Logger log = LoggerFactory.getLogger(Triage.class);
    private static final int SIMILAR_PER_LEARNING = 3;

    private final LearningRepository learnings;
    private final KbRepository entries;
    private final KnowledgeBase kb;
    private final KbSettings settings;
    private final KbProperties properties;
    private final JobRepository jobs;
    private final SmallModel smallModel;
    private final TellingWords tellingWords;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    Triage(LearningRepository learnings, KbRepository entries, KnowledgeBase kb, KbSettings settings,
           KbProperties properties, JobRepository jobs, SmallModel smallModel, TellingWords tellingWords, Clock clock) {
        this.tellingWords = tellingWords;
        this.learnings = learnings;
        this.entries = entries;
        this.kb = kb;
        this.settings = settings;
        this.properties = properties;
        this.jobs = jobs;
        this.smallModel = smallModel;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        if (event.status().isTerminal()) executor.execute(() -> triageSafely(event.jobId()));
    }

    /** Learnings of jobs that ended while the server was down, or whose triage a stop cut short. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        for (String jobId : learnings.jobsWaitingAfterRestart()) {
            jobs.find(jobId).filter(j -> j.status().isTerminal()).ifPresent(j -> executor.execute(() -> triageSafely(jobId)));
        }
    }

    private void triageSafely(String jobId) {
        try {
            triage(jobId);
        } catch (Exception e) {
            log.error("triage of job {} failed", jobId, e);
        }
    }

    /** One pass over the job's reported learnings; a second pass for the same job finds nothing left to claim. */
    void triage(String jobId) {
        List<Learning> claimed = learnings.claim(jobId);
        if (claimed.isEmpty()) return;
        Job job = jobs.find(jobId).orElse(null);
        List<TriageDecisions.Candidate> candidates = claimed.stream().map(this::candidate).toList();
        Map<Integer, TriageDecisions.Decision> decisions;
        String fallback;
        if (!properties.triage()) {
            decisions = Map.of();
            fallback = "triage is off; kept as reported";
        } else {
            String task = job == null ? "(unknown)" : job.title() + "\n" + job.description();
            SmallModelAnswer answer = smallModel.ask("triage", jobId, TriageDecisions.prompt(task, candidates));
            decisions = answer.ok() ? TriageDecisions.parse(answer.text(), candidates) : Map.of();
            fallback = answer.ok() ? "triage gave no decision for it; kept as reported"
                    : "triage failed (" + answer.error() + "); kept as reported";
            if (!answer.ok()) log.warn("triage of job {}: {}", jobId, fallback);
        }
        for (int i = 0; i < claimed.size(); i++) {
            apply(claimed.get(i), decisions.get(i + 1), fallback);
        }
    }

    private TriageDecisions.Candidate candidate(Learning learning) {
        String match = tellingWords.queryFor(learning.title() + " " + learning.content());
        List<KbEntry> similar = new ArrayList<>();
        if (!match.isEmpty()) {
            entries.rankedInScope(entries.reader(), match, KbScope.PROJECT, learning.project(), SIMILAR_PER_LEARNING)
                    .forEach(h -> similar.add(h.entry()));
            entries.rankedInScope(entries.reader(), match, KbScope.GLOBAL, null, SIMILAR_PER_LEARNING)
                    .forEach(h -> similar.add(h.entry()));
        }
        return new TriageDecisions.Candidate(learning, similar);
    }

    private void apply(Learning learning, TriageDecisions.Decision decision, String fallback) {
        long now = clock.millis();
        String verdict = decision == null ? learning.scopeHint().wireName() : decision.verdict();
        String reason = decision == null ? fallback : decision.reason();
        switch (verdict) {
            case TriageDecisions.DISCARD -> learnings.decide(learning.id(), Learning.DISCARDED, reason, null, now);
            case TriageDecisions.DUPLICATE -> learnings.decide(learning.id(), Learning.DUPLICATE, reason, decision.duplicateOf(), now);
            default -> {
                String sameTitle = existingWithTitle(learning, verdict);
                if (sameTitle != null) {
                    learnings.decide(learning.id(), Learning.DUPLICATE, "an entry with the same title exists", sameTitle, now);
                    return;
                }
                KbEntryStatus status = settings.requireApproval() ? KbEntryStatus.PENDING : KbEntryStatus.APPROVED;
                KbEntry entry = kb.createLearned(new NewKbEntry(learning.title(), learning.content(), learning.tags(),
                        verdict, verdict.equals(TriageDecisions.PROJECT) ? learning.project() : null),
                        status, learning.runId(), learning.jobId(), learning.model());
                learnings.decide(learning.id(), Learning.KEPT, verdict + ": " + reason, entry.id(), now);
            }
        }
    }

    /** An entry of the same scope whose title is the same but for case: the same learning reported again. */
    private String existingWithTitle(Learning learning, String verdict) {
        String project = verdict.equals(TriageDecisions.PROJECT) ? learning.project() : null;
        KbScope scope = KbScope.parse(verdict).orElse(KbScope.PROJECT);
        String title = learning.title().toLowerCase(Locale.ROOT);
        String match = FtsQuery.allWords(learning.title());
        if (match.isEmpty()) return null;
        return entries.search(match, new KbFilter(project, scope, null, null), false, 20).stream()
                .map(KbSearchHit::entry)
                .filter(e -> e.title().toLowerCase(Locale.ROOT).equals(title))
                .map(KbEntry::id).findFirst().orElse(null);
    }
}
