package dev.autodev.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.autodev.testsupport.MigratedDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage report's sums, against totals worked out by hand from a scripted set of runs: job j is in project
 * Website without a template, k is in Website from template Bug fix, m is in no project from Bug fix.
 */
class UsageSumsTest {

    private static final long DAY1 = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
    private static final long DAY2 = Instant.parse("2026-11-21T23:59:00Z").toEpochMilli();
    private static final long DAY3 = Instant.parse("2026-11-22T00:01:00Z").toEpochMilli();

    private UsageRepository usage;

    @BeforeEach
    void runsOverThreeDays() {
        MigratedDatabase database = MigratedDatabase.create();
        database.job("j", "Job", "done", DAY1, null, null);
        database.job("k", "Other job", "done", DAY1, null, null);
        database.job("m", "Loose job", "done", DAY1, null, null);
        database.project("p-web", "Website", DAY1, "j", "k");
        database.project("p-idle", "Idle", DAY1); // no jobs, so no bucket
        database.template("t-bug", "Bug fix", DAY1, "k", "m");
        database.run("c1", "j", "done", "claude", "claude-sonnet-4-6", DAY1, DAY1 + 1, 1.25, false, 1000, 100);
        database.run("c2", "k", "failed", "claude", "claude-opus-4-6", DAY2, DAY2 + 1, 2.50, false, 2000, 200);
        database.run("x1", "k", "done", "codex", "gpt-5.5", DAY2 + 1000, DAY2 + 2000, 0.40, true, 300000, 3000);
        database.run("x2", "m", "done", "codex", "gpt-5.5", DAY3, DAY3 + 1, 0.10, true, 50000, 500);
        database.smallModelCall("s1", "triage", true, 0.01, 400, 40, DAY1);
        database.smallModelCall("s2", "classify", false, 0, 0, 0, DAY2);
        database.smallModelCall("s3", "triage", true, 0.02, 600, 60, DAY3);
        usage = new UsageRepository(database.db());
    }

    @Test
    void everythingAddsUpByAgentModelAndDay() {
        UsageReport report = usage.report();

        assertThat(report.totalCostUsd()).isCloseTo(4.25, within(1e-9));
        assertThat(report.byAgent()).extracting(UsageReport.Line::agent, UsageReport.Line::runs,
                        UsageReport.Line::costUsd, UsageReport.Line::estimatedCostUsd,
                        UsageReport.Line::inputTokens, UsageReport.Line::outputTokens)
                .containsExactly(
                        tuple("claude", 2L, 3.75, 0.0, 3000L, 300L),
                        tuple("codex", 2L, 0.5, 0.5, 350000L, 3500L));
        assertThat(report.byModel()).hasSize(3);
        // Days are UTC: 23:59 on the 21st and 00:01 on the 22nd fall on different days.
        assertThat(report.byDay()).extracting(UsageReport.Bucket::key, UsageReport.Bucket::runs)
                .containsExactly(
                        tuple("2026-11-20", 1L),
                        tuple("2026-11-21", 2L),
                        tuple("2026-11-22", 1L));
        UsageReport.Bucket day2 = report.byDay().get(1);
        assertThat(day2.costUsd()).isCloseTo(2.90, within(1e-9));
        assertThat(day2.estimatedCostUsd()).isCloseTo(0.40, within(1e-9));
        assertThat(day2.inputTokens()).isEqualTo(302000);
        assertThat(report.system().costUsd()).isCloseTo(0.03, within(1e-9));
        assertThat(report.system().calls()).isEqualTo(3);
        assertThat(report.system().failedCalls()).isEqualTo(1);
        assertThat(report.system().byPurpose()).extracting(UsageReport.Purpose::purpose, UsageReport.Purpose::calls)
                .containsExactly(tuple("classify", 1L), tuple("triage", 2L));
    }

    @Test
    void projectsAndTemplatesCountTheirJobsRunsWithTheRestInABucketOfTheirOwn() {
        UsageReport report = usage.report();

        // Website: c1 + c2 + x1; no project: x2. Costliest first.
        assertThat(report.byProject()).extracting(UsageReport.Bucket::key, UsageReport.Bucket::name,
                        UsageReport.Bucket::runs, UsageReport.Bucket::inputTokens, UsageReport.Bucket::outputTokens)
                .containsExactly(
                        tuple("p-web", "Website", 3L, 303000L, 3300L),
                        tuple(null, null, 1L, 50000L, 500L));
        assertThat(report.byProject().get(0).costUsd()).isCloseTo(4.15, within(1e-9));
        assertThat(report.byProject().get(0).estimatedCostUsd()).isCloseTo(0.40, within(1e-9));
        assertThat(report.byProject().get(1).costUsd()).isCloseTo(0.10, within(1e-9));
        assertThat(report.byProject().get(1).estimatedCostUsd()).isCloseTo(0.10, within(1e-9));

        // Bug fix: c2 + x1 + x2; no template: c1.
        assertThat(report.byTemplate()).extracting(UsageReport.Bucket::key, UsageReport.Bucket::name,
                        UsageReport.Bucket::runs, UsageReport.Bucket::inputTokens, UsageReport.Bucket::outputTokens)
                .containsExactly(
                        tuple("t-bug", "Bug fix", 3L, 352000L, 3700L),
                        tuple(null, null, 1L, 1000L, 100L));
        assertThat(report.byTemplate().get(0).costUsd()).isCloseTo(3.00, within(1e-9));
        assertThat(report.byTemplate().get(0).estimatedCostUsd()).isCloseTo(0.50, within(1e-9));
        assertThat(report.byTemplate().get(1).costUsd()).isCloseTo(1.25, within(1e-9));
        assertThat(report.byTemplate().get(1).estimatedCostUsd()).isZero();

        // Each dimension splits the same total.
        assertThat(report.byProject().stream().mapToDouble(UsageReport.Bucket::costUsd).sum())
                .isCloseTo(report.totalCostUsd(), within(1e-9));
        assertThat(report.byTemplate().stream().mapToDouble(UsageReport.Bucket::costUsd).sum())
                .isCloseTo(report.totalCostUsd(), within(1e-9));
    }

    @Test
    void aWindowCountsOnlyTheRunsThatStartedInIt() {
        UsageReport report = usage.report(Instant.ofEpochMilli(DAY2), Instant.parse("2026-11-22T00:00:00Z"));

        assertThat(report.totalCostUsd()).isCloseTo(2.90, within(1e-9));
        assertThat(report.byDay()).extracting(UsageReport.Bucket::key).containsExactly("2026-11-21");
        assertThat(report.byAgent()).extracting(UsageReport.Line::runs).containsExactly(1L, 1L);
        // c2 and x1, both of k: Website, Bug fix.
        assertThat(report.byProject()).extracting(UsageReport.Bucket::name, UsageReport.Bucket::runs)
                .containsExactly(tuple("Website", 2L));
        assertThat(report.byTemplate()).extracting(UsageReport.Bucket::name, UsageReport.Bucket::runs)
                .containsExactly(tuple("Bug fix", 2L));
        assertThat(report.byTemplate().get(0).costUsd()).isCloseTo(2.90, within(1e-9));
        // The system's calls count by when they were made, in the same window: only the failed classification.
        assertThat(report.system().calls()).isEqualTo(1);
        assertThat(report.system().failedCalls()).isEqualTo(1);
        assertThat(report.system().costUsd()).isZero();
    }
}
