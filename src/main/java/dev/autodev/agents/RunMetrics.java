package dev.autodev.agents;

import dev.autodev.common.CachedCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The runs' meters: {@code autodev.runs.active{agent}} (read on scrape), and when a run ends
 * {@code autodev.runs.duration{agent,outcome,failure_kind}}, {@code autodev.cost{agent,estimated}} (US dollars) and
 * {@code autodev.tokens{agent,direction}}. Counted after the end is committed, once per run, since a run ends once.
 */
@Component
class RunMetrics {

    private final MeterRegistry registry;
    private final RunRepository runs;

    RunMetrics(MeterRegistry registry, RunRepository runs, AgentClis clis, Clock clock) {
        this.registry = registry;
        this.runs = runs;
        CachedCounts active = new CachedCounts(runs::countActiveByKind, clock, Duration.ofSeconds(1));
        // Strongly held: nothing else keeps the counts, and a weakly held gauge reads NaN after a GC.
        for (String kind : clis.kinds()) {
            Gauge.builder("autodev.runs.active", active, c -> c.get(kind))
                    .description("Runs starting, running or waiting for a person").tag("agent", kind)
                    .strongReference(true).register(registry);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunChanged event) {
        if (!event.status().isTerminal()) return;
        runs.find(event.runId()).ifPresent(this::ended);
    }

    private void ended(AgentRun run) {
        String agent = run.agentKind();
        String failure = run.failureKind() == null ? "none" : run.failureKind().json();
        if (run.finishedAt() != null) {
            Timer.builder("autodev.runs.duration").description("How long runs took, by how they ended")
                    .tags("agent", agent, "outcome", run.status().wireName(), "failure_kind", failure)
                    .register(registry).record(Duration.between(run.startedAt(), run.finishedAt()));
        }
        Counter.builder("autodev.cost").baseUnit("usd").description("What runs cost, reported or estimated")
                .tags("agent", agent, "estimated", Boolean.toString(run.costEstimated()))
                .register(registry).increment(run.costUsd());
        tokens(agent, "input", run.inputTokens());
        tokens(agent, "output", run.outputTokens());
    }

    private void tokens(String agent, String direction, long count) {
        Counter.builder("autodev.tokens").description("Tokens runs used")
                .tags("agent", agent, "direction", direction).register(registry).increment(count);
    }
}
