package dev.autodev.classify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The classifier's question and how its answer is read: the first of simple, medium, complex that it names. */
final class Rating {

    static final String SIMPLE = "simple";
    static final String MEDIUM = "medium";
    static final String COMPLEX = "complex";

    private static final Pattern WORD = Pattern.compile("\\b(simple|medium|complex)\\b", Pattern.CASE_INSENSITIVE);
    private static final int TASK_CHARS = 6000;

    /** A rating and the reason the model gave (the rest of its answer, shortened). */
    record Read(String rating, String reason) {}

    private Rating() {}

    static String question(String title, String description) {
        String task = description.length() > TASK_CHARS ? description.substring(0, TASK_CHARS) + "…" : description;
        return """
                Rate how demanding this coding-agent task is, to pick a model for it:
                - simple: a small, well-defined change or question (a rename, a typo, one small function, a lookup)
                - medium: ordinary feature or bug work across a few files
                - complex: design, a large or subtle change, hard debugging, or work across many parts of a system

                Title: %s
                Task:
                %s

                Answer with one line: simple, medium or complex, then " - " and a short reason.
                """.formatted(title, task);
    }

    static Optional<Read> read(String answer) {
        if (answer == null) return Optional.empty();
        Matcher m = WORD.matcher(answer);
        if (!m.find()) return Optional.empty();
        String rating = m.group(1).toLowerCase(Locale.ROOT);
        String rest = answer.substring(m.end()).replaceFirst("^[\\s\\-–—:.,*]+", "").strip();
        String reason = rest.isEmpty() ? answer.strip() : rest;
        reason = reason.replaceAll("\\s+", " ");
        return Optional.of(new Read(rating, reason.length() > 300 ? reason.substring(0, 300) + "…" : reason));
    }
}
