package dev.autodev.debates;

import dev.autodev.agents.AgentRun;
import dev.autodev.jobs.JobStatus;
import java.util.List;

/** A debate job with what its job and runs say now: the stored state decisions are made from. */
record StepState(DebateJob step, JobStatus jobStatus, List<AgentRun> runs) {

    StepState {
        runs = List.copyOf(runs);
    }

    boolean finished() {
        return jobStatus.isTerminal();
    }

    AgentRun latestRun() {
        return runs.isEmpty() ? null : runs.getLast();
    }

    /** What the side answered last: the final text of its latest run that has one. */
    String resultText() {
        for (int i = runs.size() - 1; i >= 0; i--) {
            String text = runs.get(i).resultText();
            if (text != null && !text.isBlank()) return text;
        }
        return null;
    }

    double costUsd() {
        return runs.stream().mapToDouble(AgentRun::costUsd).sum();
    }
}
