package dev.autodev.queue;

import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.LaunchPlan;
import dev.autodev.common.Ids;
import dev.autodev.jobs.Job;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Turns a job's stop mode into the limits its run is launched with. */
@Component
class LaunchPlans {

    private final AgentProperties agents;
    private final ObjectProvider<PromptMemory> memory;

    LaunchPlans(AgentProperties agents, ObjectProvider<PromptMemory> memory) {
        this.agents = agents;
        this.memory = memory;
    }

    /**
     * What earlier jobs learned, for a job's first run. Called before the transaction that claims the job: choosing
     * reads for a few milliseconds, and inside that transaction every other writer would wait for it.
     */
    String memoryFor(Job job) {
        PromptMemory source = memory.getIfAvailable();
        return source == null ? "" : source.sectionFor(job);
    }

    /** A job's first run: its prompt, with the memory chosen for it appended (continuations already have it). */
    LaunchPlan fresh(Job job, String memorySection) {
        String prompt = memorySection.isEmpty() ? job.prompt() : job.prompt().stripTrailing() + "\n\n" + memorySection;
        return plan(job, Ids.newId(), prompt, Ids.newId(), null);
    }

    LaunchPlan continuation(Job job, String message, String sessionId, String resumedFromRunId) {
        return plan(job, Ids.newId(), message, sessionId, resumedFromRunId);
    }

    /** The plan of a run that already exists (taken over after a restart): its ids, and the job's limits. */
    LaunchPlan existing(Job job, AgentRun run) {
        return plan(job, run.id(), job.prompt(), run.sessionId(), run.resumedFromId());
    }

    private LaunchPlan plan(Job job, String runId, String prompt, String sessionId, String resumedFrom) {
        Integer maxTurns = job.maxTurns();
        Double budget = null;
        Duration timeLimit = null;
        switch (job.stopMode()) {
            case TURNS -> {
                if (maxTurns == null && job.stopValue() != null) maxTurns = (int) Math.ceil(job.stopValue());
            }
            case BUDGET -> budget = job.stopValue();
            case TIME -> timeLimit = Duration.ofMillis(Math.round(job.stopValue() * 60_000));
            case COMPLETION -> maxTurns = maxTurns == null ? agents.completionTurnCap() : Math.min(maxTurns, agents.completionTurnCap());
        }
        return new LaunchPlan(runId, job.id(), job.model(), Path.of(job.workDir()), prompt, maxTurns, budget, timeLimit,
                sessionId, resumedFrom, null);
    }
}
