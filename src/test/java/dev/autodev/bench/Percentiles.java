package dev.autodev.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** A sorted sample of millisecond figures, summarised the way the bench prints them. */
record Percentiles(List<Double> sorted) {

    static Percentiles of(Collection<Double> millis) {
        if (millis.isEmpty()) throw new IllegalArgumentException("no samples");
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return new Percentiles(List.copyOf(sorted));
    }

    /** Nearest-rank percentile: with 50 samples p99 is the largest, so one outlier is enough to miss a target. */
    double at(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }

    double p50() {
        return at(50);
    }

    double p99() {
        return at(99);
    }

    double max() {
        return sorted.getLast();
    }

    int count() {
        return sorted.size();
    }

    /** For example {@code p50 4.1 ms, p99 12.0 ms, max 13.2 ms}. */
    String summary() {
        return String.format(Locale.ROOT, "p50 %s, p99 %s, max %s", ms(p50()), ms(p99()), ms(max()));
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f ms" : "%.1f ms", millis);
    }
}
