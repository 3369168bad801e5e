package dev.autodev.workflows;

/** Published when a workflow is created, moves, or records a step; listeners act after the commit. */
public record WorkflowChanged(String workflowId, WorkflowStatus status) {}
