package dev.autodev.workflows;

import java.time.Instant;
import java.util.Map;

/**
 * An autonomous agent run as stored: what to do, with which models, where, and how far it got.
 *
 * @param phase         the phase of the latest step (null before the first)
 * @param cycle         its cycle: 0 for assess, then 1..maxCycles
 * @param stopModes     per phase ({@code assess}, {@code review}, {@code implement}) how its jobs stop
 * @param budgetUsd     how much the run may spend before it pauses for approval; null for no limit
 * @param approvePlan   whether a person approves the plan before review and implementation start
 * @param resumeAfterSeq steps up to this sequence number came before the last resume (counters start after it)
 * @param resumePhase   where the last resume asked to continue, until a step after it exists
 */
public record Workflow(
        String id,
        String title,
        String task,
        WorkflowStatus status,
        Phase phase,
        int cycle,
        String workDir,
        String implementerModel,
        String reviewerModel,
        int maxCycles,
        boolean useWorktree,
        String templateId,
        String projectId,
        Map<String, PhaseStop> stopModes,
        Double budgetUsd,
        boolean approvePlan,
        boolean planApproved,
        String repoRoot,
        String worktreePath,
        String branch,
        String baseCommit,
        String prUrl,
        BlockedReason blockedReason,
        int resumeAfterSeq,
        Phase resumePhase,
        Integer resumeCycle,
        Instant createdAt,
        Instant updatedAt) {

    /** How one phase's jobs stop: a job stop mode ({@code turns}, {@code budget}, {@code time}, {@code completion}) and its value. */
    public record PhaseStop(String mode, Double value) {}

    /** The note keys of this workflow. */
    public String planKey() {
        return "workflow/" + id + "/plan";
    }

    public String contractKey() {
        return "workflow/" + id + "/contract";
    }

    public String worklogPrefix() {
        return "workflow/" + id + "/worklog/";
    }

    public String worklogKey(int cycle, Phase phase) {
        return worklogPrefix() + "cycle-" + cycle + "-" + phase.json();
    }

    /** The model a phase runs on unless a fallback replaced it. */
    public String primaryModel(Phase phase) {
        return phase == Phase.REVIEW ? reviewerModel : implementerModel;
    }

    /** This workflow grouped under a project. */
    Workflow inProject(String project) {
        return new Workflow(id, title, task, status, phase, cycle, workDir, implementerModel, reviewerModel, maxCycles,
                useWorktree, templateId, project, stopModes, budgetUsd, approvePlan, planApproved, repoRoot, worktreePath,
                branch, baseCommit, prUrl, blockedReason, resumeAfterSeq, resumePhase, resumeCycle, createdAt, updatedAt);
    }
}
