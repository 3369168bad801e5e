package dev.autodev.debates;

import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.Page;
import dev.autodev.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starting, reading and cancelling debates. Running them is {@link DebateEngine}'s business. */
@Service
public class DebateService {

    private final DebateValidator validator;
    private final DebateRepository debates;
    private final DebateLifecycle lifecycle;
    private final DebateStates states;
    private final DebateSteps steps;
    private final ProjectService projects;
    private final TransactionTemplate tx;
    private final Clock clock;

    DebateService(DebateValidator validator, DebateRepository debates, DebateLifecycle lifecycle, DebateStates states,
                  DebateSteps steps, ProjectService projects, TransactionTemplate tx, Clock clock) {
        this.validator = validator;
        this.debates = debates;
        this.lifecycle = lifecycle;
        this.states = states;
        this.steps = steps;
        this.projects = projects;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Validates and stores a debate, in a new project of its own that will hold its jobs; its first round starts as
     * soon as the engine sees it. On bad input nothing is stored.
     */
    public DebateView create(NewDebate request) {
        return view(create(request, null).id());
    }

    /**
     * As {@link #create(NewDebate)}, with the debate's jobs in {@code projectId} when given (a batch run in debate
     * mode groups all its debates in the batch's project). Joins a caller's transaction, so a batch is all or nothing;
     * returns the stored debate, since a caller's transaction may not have committed it for readers yet.
     */
    public Debate create(NewDebate request, String projectId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return tx.execute(s -> {
            Debate debate = validator.validate(request, Ids.newId(), now, projectId);
            if (projectId == null) {
                String project = projects.createUnique(projectName(debate.task()), "Debate: " + clip(debate.task(), 1_900)).id();
                debate = debate.inProject(project);
            }
            debates.insert(debate);
            lifecycle.created(debate);
            return debate;
        });
    }

    public Page<Debate> list(int page, int size) {
        return new Page<>(debates.newest(page, size), page, size, debates.count());
    }

    /** The debate's stored row, without its rounds. */
    public Optional<Debate> find(String id) {
        return debates.find(id);
    }

    public DebateView view(String id) {
        return DebateViews.of(states.load(id));
    }

    /** Stops a debate that is still going: it is marked cancelled first, so the engine starts nothing more, then its active jobs are cancelled. */
    public DebateView cancel(String id) {
        tx.executeWithoutResult(s -> {
            Debate debate = debates.findForUpdate(id).orElseThrow(() -> new NotFound("debate", id));
            if (debate.status().isTerminal()) throw new Conflict("debate is already " + debate.status().wireName());
            lifecycle.move(id, debate.status(), DebateStatus.CANCELLED, "cancelled", null);
        });
        steps.cancelUnfinished(states.load(id).steps());
        return view(id);
    }

    private static String projectName(String task) {
        return "Debate: " + clip(task.strip().replaceAll("\\s+", " "), 80);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
