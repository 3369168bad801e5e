package dev.autodev.workflows;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Autonomous agent runs ({@code autodev.workflows.*}).
 *
 * @param implementerModel     default implementer model (assess, implement, repairs); default {@code claude-sonnet-4-6}
 * @param reviewerModel        default reviewer model; default {@code codex} (Codex CLI on its default model)
 * @param maxCycles            default cycle cap, 1..50; default 10
 * @param repairAttempts       repair jobs per phase and cycle before the workflow blocks; default 2
 * @param zeroProgressLimit    implement cycles in a row without a newly checked milestone that block it; default 2
 * @param transientRetries     attempts per model after a CLI crash, hang or overload before switching provider; default 3
 * @param rateLimitCooldown    how long a rate-limited model rests before it is a candidate again; default 10 min
 * @param fallbackModels       further candidates tried, in order, when a phase's models are rate limited
 * @param alternateClaudeModel the Claude model a Codex phase falls back to when the workflow names none; default claude-sonnet-4-6
 * @param alternateCodexModel  the Codex model a Claude phase falls back to when the workflow names none; default codex
 * @param contextCap           characters of plan, contract and worklogs inlined into a phase prompt; default 50,000
 * @param reconcileInterval    how often running workflows are looked at without any event; default 1 min
 */
@ConfigurationProperties("autodev.workflows")
public record WorkflowsProperties(String implementerModel, String reviewerModel, Integer maxCycles, Integer repairAttempts,
                                  Integer zeroProgressLimit, Integer transientRetries, Duration rateLimitCooldown,
                                  List<String> fallbackModels, String alternateClaudeModel, String alternateCodexModel,
                                  Integer contextCap, Duration reconcileInterval) {

    public WorkflowsProperties {
        if (implementerModel == null || implementerModel.isBlank()) implementerModel = "claude-sonnet-4-6";
        if (reviewerModel == null || reviewerModel.isBlank()) reviewerModel = "codex";
        if (maxCycles == null) maxCycles = 10;
        if (repairAttempts == null) repairAttempts = 2;
        if (zeroProgressLimit == null) zeroProgressLimit = 2;
        if (transientRetries == null) transientRetries = 3;
        if (rateLimitCooldown == null) rateLimitCooldown = Duration.ofMinutes(10);
        fallbackModels = fallbackModels == null ? List.of() : List.copyOf(fallbackModels);
        if (alternateClaudeModel == null || alternateClaudeModel.isBlank()) alternateClaudeModel = "claude-sonnet-4-6";
        if (alternateCodexModel == null || alternateCodexModel.isBlank()) alternateCodexModel = "codex";
        if (contextCap == null) contextCap = 50_000;
        if (reconcileInterval == null) reconcileInterval = Duration.ofMinutes(1);
    }

    WorkflowState.Policy policy() {
        return new WorkflowState.Policy(repairAttempts, zeroProgressLimit, transientRetries, rateLimitCooldown.toMillis(),
                fallbackModels, alternateClaudeModel, alternateCodexModel);
    }
}
