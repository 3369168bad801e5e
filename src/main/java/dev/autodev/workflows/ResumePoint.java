package dev.autodev.workflows;

import dev.autodev.common.ApiException.BadRequest;
import java.util.List;

/** Where a resume continues: a phase and cycle a person named, or by default the phase that stopped. */
record ResumePoint(Phase phase, Integer cycle) {

    static ResumePoint of(Workflow wf, List<WorkflowStep> steps, String phaseName, Integer cycle) {
        WorkflowStep last = steps.isEmpty() ? null : steps.getLast();
        Phase phase;
        if (phaseName != null) {
            phase = Phase.parse(phaseName).filter(p -> p == Phase.ASSESS || p == Phase.REVIEW || p == Phase.IMPLEMENT)
                    .orElseThrow(() -> new BadRequest("phase", "must be assess, review or implement, was '" + phaseName + "'"));
        } else if (cycle != null) {
            throw new BadRequest("phase", "is required when a cycle is given");
        } else if (last == null) {
            phase = Phase.ASSESS;
        } else if (last.succeeded() && last.kind() != Phase.REPAIR) {
            return new ResumePoint(null, null); // go on from the phase that finished, with the counters cleared
        } else {
            phase = last.kind() == Phase.REPAIR ? last.phase() : last.kind();
            return new ResumePoint(phase, last.cycle());
        }
        int at = cycle != null ? cycle : phase == Phase.ASSESS ? 0 : Math.max(1, wf.cycle());
        if (phase == Phase.ASSESS && at != 0) throw new BadRequest("cycle", "must be 0 for assess, was " + at);
        if (phase != Phase.ASSESS && (at < 1 || at > wf.maxCycles())) {
            throw new BadRequest("cycle", "must be between 1 and " + wf.maxCycles() + " for " + phase.json() + ", was " + at);
        }
        return new ResumePoint(phase, at);
    }
}
