package dev.autodev.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The milestones of a plan note: its checkbox lines, {@code - [ ] **M1: title** — criteria} open and
 * {@code - [x] ...} done. Lines that are no checkbox are prose and ignored.
 */
public record Milestones(List<Milestone> items) {

    private static final Pattern CHECKBOX = Pattern.compile("^\\s*[-*]\\s+\\[([ xX])]\\s+(.*)$");
    private static final Pattern BOLD = Pattern.compile("^\\*\\*(.+?)\\*\\*");

    /** One milestone: its title (the bold part when there is one) and whether it is checked. */
    public record Milestone(String title, boolean done) {}

    public static Milestones parse(String plan) {
        List<Milestone> items = new ArrayList<>();
        if (plan != null) {
            for (String line : plan.lines().toList()) {
                Matcher box = CHECKBOX.matcher(line);
                if (!box.matches()) continue;
                String rest = box.group(2).strip();
                Matcher bold = BOLD.matcher(rest);
                items.add(new Milestone(bold.find() ? bold.group(1).strip() : rest, !box.group(1).isBlank()));
            }
        }
        return new Milestones(List.copyOf(items));
    }

    public int total() {
        return items.size();
    }

    public int done() {
        return (int) items.stream().filter(Milestone::done).count();
    }

    public boolean allDone() {
        return !items.isEmpty() && done() == total();
    }
}
