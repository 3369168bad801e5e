package dev.autodev.git;

import dev.autodev.git.Changes.FileChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code git diff -z --name-status} and {@code git diff -z --numstat} (same revisions, same rename detection)
 * into one entry per changed file. An output cut at a size limit ends in a partial entry, which is left out.
 */
final class DiffFiles {

    private DiffFiles() {}

    /** Line counts of one file; null counts for a binary file. */
    record Counts(Integer additions, Integer deletions) {}

    /**
     * @param untracked paths git does not track (shown in the diff as added); their entries say so
     */
    static List<FileChange> parse(String nameStatus, String numstat, Set<String> untracked) {
        Map<String, Counts> counts = numstat(numstat);
        String[] fields = nameStatus.split("\0", -1);
        List<FileChange> files = new ArrayList<>();
        int i = 0;
        while (i < fields.length && !fields[i].isEmpty()) {
            String letters = fields[i];
            boolean twoPaths = letters.startsWith("R") || letters.startsWith("C");
            int needed = twoPaths ? 3 : 2;
            if (i + needed > fields.length || fields[i + needed - 1].isEmpty()) break;
            String path = fields[i + needed - 1];
            String oldPath = letters.startsWith("R") ? fields[i + 1] : null;
            Counts count = counts.getOrDefault(path, new Counts(null, null));
            files.add(new FileChange(path, oldPath, status(letters.charAt(0)), count.additions(), count.deletions(),
                    counts.containsKey(path) && count.additions() == null, untracked.contains(path)));
            i += needed;
        }
        return files;
    }

    /** Added and deleted lines by (new) path; {@code -} counts (binary files) become nulls. */
    static Map<String, Counts> numstat(String numstat) {
        String[] fields = numstat.split("\0", -1);
        Map<String, Counts> counts = new HashMap<>();
        int i = 0;
        while (i < fields.length && !fields[i].isEmpty()) {
            String[] parts = fields[i].split("\t", 3);
            if (parts.length < 3) break;
            String path = parts[2];
            int next = i + 1;
            if (path.isEmpty()) { // a rename: the old and the new path follow as fields of their own
                if (i + 2 >= fields.length || fields[i + 2].isEmpty()) break;
                path = fields[i + 2];
                next = i + 3;
            }
            counts.put(path, new Counts(number(parts[0]), number(parts[1])));
            i = next;
        }
        return counts;
    }

    static String status(char letter) {
        return switch (letter) {
            case 'A', 'C' -> "added";
            case 'D' -> "deleted";
            case 'R' -> "renamed";
            default -> "modified"; // M, T (type change), U (unmerged)
        };
    }

    private static Integer number(String text) {
        try {
            return text.equals("-") ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
