package dev.autodev.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triage question and how its answer is read. Pure: the prompt from the learnings and their possible duplicates,
 * the decisions from the text a small model answered. Small models answer loosely, so a line counts when it starts
 * with a learning's number and names a decision anywhere after it.
 */
final class TriageDecisions {

    /** What triage decided for one learning; {@code duplicateOf} is the existing entry's id for a duplicate. */
    record Decision(String verdict, String duplicateOf, String reason) {}

    /** A learning with the existing entries that may already say the same, labelled K1, K2, ... across the prompt. */
    record Candidate(Learning learning, List<KbEntry> similar) {}

    static final String PROJECT = "project";
    static final String GLOBAL = "global";
    static final String DISCARD = "discard";
    static final String DUPLICATE = "duplicate";

    private static final Pattern LINE = Pattern.compile("^\\W*(?:learning\\s*)?(\\d+)\\s*[:.)\\]-]\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERDICT = Pattern.compile("\\b(project|global|discard|duplicate)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("\\bK(\\d+)\\b");
    private static final Pattern REASON = Pattern.compile("\\s[-–—]\\s*(.+)$");

    private TriageDecisions() {}

    static String prompt(String jobTask, List<Candidate> candidates) {
        StringBuilder q = new StringBuilder("""
                Triage the learnings an agent reported at the end of a job. Kept learnings go into a knowledge base \
                that later agents receive as memory. For each learning decide one of:
                - project: useful to later jobs in the same project (repository)
                - global: useful to jobs in any project
                - discard: not worth keeping (a summary of the work done, too specific to this one task, obvious, or wrong)
                - duplicate K<n>: the existing entry K<n> listed under it already says this

                """);
        q.append("The job: ").append(abbreviate(jobTask, 400)).append("\n");
        int label = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Learning l = candidates.get(i).learning();
            q.append("\nLearning ").append(i + 1).append(" (the agent suggests ").append(l.scopeHint().wireName()).append(")\n")
                    .append("Title: ").append(l.title()).append("\nContent: ").append(abbreviate(l.content(), 1500)).append('\n');
            List<KbEntry> similar = candidates.get(i).similar();
            if (similar.isEmpty()) {
                q.append("Existing entries like it: none\n");
            } else {
                q.append("Existing entries like it:\n");
                for (KbEntry e : similar) {
                    q.append("  K").append(++label).append(": ").append(e.title()).append(" - ")
                            .append(abbreviate(e.content(), 300)).append('\n');
                }
            }
        }
        q.append("\nAnswer with one line per learning and nothing else, exactly like: 1: project - <short reason>\n");
        return q.toString();
    }

    /** The decision per learning number (1-based); learnings the answer does not decide are absent. */
    static Map<Integer, Decision> parse(String answer, List<Candidate> candidates) {
        Map<String, String> labels = new HashMap<>();
        int label = 0;
        for (Candidate c : candidates) for (KbEntry e : c.similar()) labels.put("K" + (++label), e.id());
        Map<Integer, Decision> decisions = new HashMap<>();
        if (answer == null) return decisions;
        for (String line : answer.split("\\R")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) continue;
            int number = Integer.parseInt(m.group(1));
            if (number < 1 || number > candidates.size() || decisions.containsKey(number)) continue;
            String rest = m.group(2);
            Matcher verdict = VERDICT.matcher(rest);
            if (!verdict.find()) continue;
            String v = verdict.group(1).toLowerCase(Locale.ROOT);
            Matcher reasonMatch = REASON.matcher(rest);
            String reason = reasonMatch.find() ? reasonMatch.group(1).strip() : rest.strip();
            String duplicateOf = null;
            if (v.equals(DUPLICATE)) {
                Matcher l = LABEL.matcher(rest);
                duplicateOf = l.find() ? labels.get("K" + l.group(1)) : null;
                if (duplicateOf == null) continue; // a duplicate of nothing we listed: undecided
            }
            decisions.put(number, new Decision(v, duplicateOf, reason));
        }
        return decisions;
    }

    static String abbreviate(String text, int max) {
        String flat = text.strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
