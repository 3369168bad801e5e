package dev.autodev.web.live;

import dev.autodev.workflows.BlockedReason;
import dev.autodev.workflows.Workflow;
import dev.autodev.workflows.WorkflowStatus;
import java.time.Instant;

/**
 * A workflow as the live feed carries it: what the dashboard needs to raise "needs you" when one blocks or pauses
 * for approval, and to open it. The workflow's own page reads the rest over REST.
 *
 * @param blockedReason why it blocked or paused and what to do, or null while it runs
 */
record LiveWorkflow(String id, String title, WorkflowStatus status, BlockedReason blockedReason, Instant updatedAt) {

    static LiveWorkflow of(Workflow wf) {
        return new LiveWorkflow(wf.id(), wf.title(), wf.status(), wf.blockedReason(), wf.updatedAt());
    }
}
