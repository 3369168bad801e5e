package dev.autodev.web.live;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobRepository;
import dev.autodev.locks.FileLock;
import dev.autodev.locks.FileLockRegistry;
import dev.autodev.questions.Question;
import dev.autodev.questions.QuestionService;
import dev.autodev.questions.QuestionStatus;
import dev.autodev.settings.Settings;
import dev.autodev.settings.SettingsService;
import dev.autodev.workflows.WorkflowService;
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
    private static final int OLDER_JOBS_DEFAULT = 500;
    private static final int OLDER_JOBS_MAX = 1_000;
    /** RunRepository.ofJobs reads at most this many jobs' runs at a time. */
    private static final int RUNS_CHUNK = 1_000;
    /** Workflows waiting for a person, per kind (blocked, waiting for approval): more than anyone deals with at once. */
    private static final int WAITING_WORKFLOWS = 200;

    private final LiveBroadcaster broadcaster;
    private final LiveProperties properties;
    private final JobRepository jobs;
    private final RunRepository runs;
    private final QuestionService questions;
    private final FileLockRegistry locks;
    private final SettingsService settings;
    private final WorkflowService workflows;

    SnapshotController(LiveBroadcaster broadcaster, LiveProperties properties, JobRepository jobs, RunRepository runs,
                       QuestionService questions, FileLockRegistry locks, SettingsService settings,
                       WorkflowService workflows) {
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.jobs = jobs;
        this.runs = runs;
        this.questions = questions;
        this.locks = locks;
        this.settings = settings;
        this.workflows = workflows;
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
        // Archived jobs are off the board: neither they nor their runs are sent (an active run is never archived).
        List<Job> recent = jobs.board(jobLimit);
        Map<String, AgentRun> byId = new LinkedHashMap<>();
        List<String> ids = recent.stream().map(Job::id).toList();
        for (int from = 0; from < ids.size(); from += RUNS_CHUNK) {
            runs.ofJobs(ids.subList(from, Math.min(ids.size(), from + RUNS_CHUNK))).forEach(run -> byId.put(run.id(), run));
        }
        runs.active().forEach(run -> byId.put(run.id(), run));
        return new Snapshot(version, recent, jobs.boardCount(), List.copyOf(byId.values()),
                questions.list(QuestionStatus.PENDING), locks.list(), settings.current(),
                workflows.waitingForAPerson(WAITING_WORKFLOWS).stream().map(LiveWorkflow::of).toList());
    }

    /**
     * The jobs the board shows next when someone scrolls past the snapshot's: those after {@code before} in its
     * newest-first order, with their runs. {@code more} tells whether older ones remain.
     *
     * @param limit how many jobs (default 500, at most 1,000)
     */
    @GetMapping("/api/live/older-jobs")
    OlderJobs olderJobs(@RequestParam(required = false) String before, @RequestParam(required = false) String limit) {
        if (before == null || before.isBlank()) throw new BadRequest("before", "is required: the id of the oldest job you have");
        int size = parseLimit(limit, OLDER_JOBS_DEFAULT, OLDER_JOBS_MAX);
        Job anchor = jobs.find(before).orElseThrow(() -> new NotFound("job", before));
        // One more than asked tells whether any remain without counting them.
        List<Job> page = jobs.olderThan(anchor, size + 1);
        boolean more = page.size() > size;
        List<Job> older = more ? page.subList(0, size) : page;
        return new OlderJobs(older, runs.ofJobs(older.stream().map(Job::id).toList()), more);
    }

    private int parseLimit(String value) {
        return parseLimit(value, properties.snapshotJobs(), MAX_JOBS);
    }

    private static int parseLimit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= max) return parsed;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadRequest("limit", "must be a whole number between 1 and " + max + ", was '" + value + "'");
    }

    /**
     * @param jobs      the newest jobs that are not archived, newest first
     * @param totalJobs how many jobs there are that are not archived
     * @param runs      the runs of those jobs plus every active run
     */
    record OlderJobs(List<Job> jobs, List<AgentRun> runs, boolean more) {}

    /** @param waitingWorkflows the workflows that blocked or wait for approval, which a person has to act on */
    record Snapshot(long version, List<Job> jobs, long totalJobs, List<AgentRun> runs, List<Question> pendingQuestions,
                    List<FileLock> locks, Settings settings, List<LiveWorkflow> waitingWorkflows) {}
}
