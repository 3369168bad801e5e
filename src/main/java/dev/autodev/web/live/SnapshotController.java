package dev.autodev.web.live;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import dev.autodev.locks.FileLock;
import dev.autodev.locks.FileLockRegistry;
import dev.autodev.questions.Question;
import dev.autodev.questions.QuestionService;
import dev.autodev.questions.QuestionStatus;
import dev.autodev.settings.Settings;
import dev.autodev.settings.SettingsService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything the dashboard shows, in one read: a client loads it on connect and again after a reconnect, then
 * applies the live frames numbered after {@code version}.
 */
@RestController
class SnapshotController {

    private static final int MAX_JOBS = 10_000;

    private final LiveBroadcaster broadcaster;
    private final LiveProperties properties;
    private final JobRepository jobs;
    private final RunRepository runs;
    private final QuestionService questions;
    private final FileLockRegistry locks;
    private final SettingsService settings;

    SnapshotController(LiveBroadcaster broadcaster, LiveProperties properties, JobRepository jobs, RunRepository runs,
                       QuestionService questions, FileLockRegistry locks, SettingsService settings) {
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.jobs = jobs;
        this.runs = runs;
        this.questions = questions;
        this.locks = locks;
        this.settings = settings;
    }

    /**
     * @param limit how many of the newest jobs to include (default {@code autodev.live.snapshot-jobs})
     */
    @GetMapping("/api/live/snapshot")
    Snapshot snapshot(@RequestParam(required = false) String limit) {
        int jobLimit = parseLimit(limit);
        // Read the version first: a frame numbered after it may repeat what the snapshot holds, which is harmless
        // (frames carry whole rows), while one numbered before it is surely contained.
        long version = broadcaster.version();
        List<Job> recent = jobs.page(null, 0, jobLimit);
        Map<String, AgentRun> byId = new LinkedHashMap<>();
        runs.page(null, 0, jobLimit * 2).forEach(run -> byId.put(run.id(), run));
        runs.active().forEach(run -> byId.put(run.id(), run));
        return new Snapshot(version, recent, jobs.count(null), List.copyOf(byId.values()),
                questions.list(QuestionStatus.PENDING), locks.list(), settings.current());
    }

    private int parseLimit(String value) {
        if (value == null || value.isBlank()) return properties.snapshotJobs();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= MAX_JOBS) return parsed;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadRequest("limit", "must be a whole number between 1 and " + MAX_JOBS + ", was '" + value + "'");
    }

    /**
     * @param jobs      the newest jobs, newest first
     * @param totalJobs how many jobs there are in all
     * @param runs      the runs of about those jobs (the newest runs) plus every active run
     */
    record Snapshot(long version, List<Job> jobs, long totalJobs, List<AgentRun> runs, List<Question> pendingQuestions,
                    List<FileLock> locks, Settings settings) {}
}
