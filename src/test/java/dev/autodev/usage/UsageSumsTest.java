package dev.autodev.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.autodev.testsupport.MigratedDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The usage report's sums, against totals worked out by hand from a scripted set of runs. */
class UsageSumsTest {

    private static final long DAY1 = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
    private static final long DAY2 = Instant.parse("2026-11-21T23:59:00Z").toEpochMilli();
    private static final long DAY3 = Instant.parse("2026-11-22T00:01:00Z").toEpochMilli();

    private UsageRepository usage;

    @BeforeEach
    void runsOverThreeDays() {
        MigratedDatabase database = MigratedDatabase.create();
        database.job("j", "Job", "done", DAY1, null, null);
        database.run("c1", "j", "done", "claude", "claude-sonnet-4-6", DAY1, DAY1 + 1, 1.25, false, 1000, 100);
        database.run("c2", "j", "failed", "claude", "claude-opus-4-6", DAY2, DAY2 + 1, 2.50, false, 2000, 200);
        database.run("x1", "j", "done", "codex", "gpt-5.5", DAY2 + 1000, DAY2 + 2000, 0.40, true, 300000, 3000);
        database.run("x2", "j", "done", "codex", "gpt-5.5", DAY3, DAY3 + 1, 0.10, true, 50000, 500);
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
        assertThat(report.byProject()).isEmpty();
        assertThat(report.byTemplate()).isEmpty();
        assertThat(report.system().costUsd()).isZero();
    }

    @Test
    void aWindowCountsOnlyTheRunsThatStartedInIt() {
        UsageReport report = usage.report(Instant.ofEpochMilli(DAY2), Instant.parse("2026-11-22T00:00:00Z"));

        assertThat(report.totalCostUsd()).isCloseTo(2.90, within(1e-9));
        assertThat(report.byDay()).extracting(UsageReport.Bucket::key).containsExactly("2026-11-21");
        assertThat(report.byAgent()).extracting(UsageReport.Line::runs).containsExactly(1L, 1L);
    }
}
