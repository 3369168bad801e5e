package dev.autodev.bench;

import java.util.Locale;

/** Prints the bench's figures, one per line, each beside its target where it has one. Never fails the run. */
final class Report {

    private int missed;

    void section(String title) {
        System.out.println();
        System.out.println("== " + title);
        System.out.flush();
    }

    void figure(String text) {
        System.out.println(text);
        System.out.flush();
    }

    /** A figure with its target, e.g. {@code ...: p99 12 ms  [target p99 < 50 ms: target met]}. */
    void figure(String text, String target, boolean met) {
        if (!met) missed++;
        figure(text + "  [target " + target + ": " + (met ? "target met" : "target missed") + "]");
    }

    void note(String format, Object... args) {
        figure("   " + String.format(Locale.ROOT, format, args));
    }

    int missed() {
        return missed;
    }
}
