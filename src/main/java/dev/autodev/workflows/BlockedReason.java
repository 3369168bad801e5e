package dev.autodev.workflows;

/**
 * Why a workflow stopped and what a person should do: every path that blocks or pauses one sets this.
 *
 * @param code    a stable machine-readable code (see {@link Codes})
 * @param message what went wrong, in a sentence
 * @param action  what to do next
 */
public record BlockedReason(String code, String message, String action) {

    /** The codes a workflow can block or pause with. */
    public static final class Codes {
        public static final String PLAN_MISSING = "plan_missing";
        public static final String PLAN_EMPTY = "plan_empty";
        public static final String CONTRACT_MISSING = "contract_missing";
        public static final String ZERO_PROGRESS = "zero_progress";
        public static final String MODELS_RATE_LIMITED = "models_rate_limited";
        public static final String PROVIDER_FAILURES = "provider_failures";
        public static final String PHASE_FAILED = "phase_failed";
        public static final String PHASE_CANCELLED = "phase_cancelled";
        public static final String BRANCH_MISMATCH = "worktree_branch_mismatch";
        public static final String WORKTREE_FAILED = "worktree_failed";
        public static final String PUSH_FAILED = "push_failed";
        public static final String BUDGET = "budget_reached";
        public static final String PLAN_APPROVAL = "plan_approval";

        private Codes() {}
    }
}
