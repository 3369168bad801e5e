package dev.autodev.debates;

import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.Page;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
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
    private final TransactionTemplate tx;
    private final Clock clock;

    DebateService(DebateValidator validator, DebateRepository debates, DebateLifecycle lifecycle, DebateStates states,
                  DebateSteps steps, TransactionTemplate tx, Clock clock) {
        this.validator = validator;
        this.debates = debates;
        this.lifecycle = lifecycle;
        this.states = states;
        this.steps = steps;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Validates and stores a debate; its first round starts as soon as the engine sees it. On bad input nothing is
     * stored.
     *
     * <p>ORGANISE (batch debate mode): a batch run with {@code mode: "debate"} is to call this once per item, with the
     * run's debate options and the item as the task.
     */
    public DebateView create(NewDebate request) {
        Debate debate = validator.validate(request, Ids.newId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        // ORGANISE: once projects exist, create the debate's project here (ProjectService.create(name, description))
        // and store its id with the debate, so every job the debate starts joins it.
        tx.executeWithoutResult(s -> {
            debates.insert(debate);
            lifecycle.created(debate);
        });
        return view(debate.id());
    }

    public Page<Debate> list(int page, int size) {
        return new Page<>(debates.newest(page, size), page, size, debates.count());
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
        for (StepState step : states.load(id).steps()) {
            if (!step.finished()) steps.cancelQuietly(step.step().jobId());
        }
        return view(id);
    }
}
