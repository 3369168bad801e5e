package dev.autodev.kb;

import dev.autodev.agents.SmallModel;
import dev.autodev.agents.SmallModelAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges near-duplicate entries into one. Entries of the same scope and project whose titles share most of their
 * words form a group; the small model writes the merged entry, which replaces the group's oldest (keeping its
 * provenance and adding up the counts) while the others are deleted. A group the model cannot merge stays as it is.
 */
@Service
public class Consolidation {

    private static final int SCANNED = 500;
    private static final double SIMILAR_TITLES = 0.5;
    private static final Pattern TITLE = Pattern.compile("(?im)^\\W*title\\s*:\\s*(.+)$");
    private static final Pattern CONTENT = Pattern.compile("(?is)^\\W*content\\s*:\\s*(.+)$", Pattern.MULTILINE);

    /** What one pass did. */
    public record Report(int groups, List<Merged> merged, List<Skipped> skipped) {}

    /** One group merged: the entry kept (with its new text) and the ones folded into it. */
    public record Merged(String keptId, String title, List<String> removedIds) {}

    /** One group left alone, and why. */
    public record Skipped(List<String> ids, String reason) {}

    private final KbRepository entries;
    private final KnowledgeBase kb;
    private final SmallModel smallModel;
    private final KbProperties properties;
    private final TransactionTemplate tx;

    Consolidation(KbRepository entries, KnowledgeBase kb, SmallModel smallModel, KbProperties properties,
                  TransactionTemplate tx) {
        this.entries = entries;
        this.kb = kb;
        this.smallModel = smallModel;
        this.properties = properties;
        this.tx = tx;
    }

    /** One pass: find groups, merge each. Safe to run while agents work; each merge is one short transaction. */
    public synchronized Report consolidate() {
        List<List<KbEntry>> groups = groups();
        List<Merged> merged = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (List<KbEntry> group : groups.subList(0, Math.min(groups.size(), properties.consolidateMaxGroups()))) {
            List<String> ids = group.stream().map(KbEntry::id).toList();
            SmallModelAnswer answer = smallModel.ask("consolidate", ids.getFirst(), prompt(group));
            if (!answer.ok()) {
                skipped.add(new Skipped(ids, "the small model failed: " + answer.error()));
                continue;
            }
            Matcher title = TITLE.matcher(answer.text());
            Matcher content = CONTENT.matcher(answer.text());
            if (!title.find() || !content.find()) {
                skipped.add(new Skipped(ids, "the small model's answer had no TITLE and CONTENT"));
                continue;
            }
            merged.add(tx.execute(s -> merge(group, title.group(1).strip(), content.group(1).strip())));
        }
        return new Report(groups.size(), merged, skipped);
    }

    List<List<KbEntry>> groups() {
        Set<String> grouped = new HashSet<>();
        List<List<KbEntry>> groups = new ArrayList<>();
        for (KbEntry entry : entries.recentApproved(SCANNED)) {
            if (grouped.contains(entry.id())) continue;
            String match = FtsQuery.anyOf(FtsQuery.distinctiveWords(entry.title(), 12));
            if (match.isEmpty()) continue;
            List<KbEntry> group = new ArrayList<>(List.of(entry));
            for (KbSearchHit hit : entries.rankedInScope(entries.reader(), match, entry.scope(), entry.project(), 6)) {
                KbEntry other = hit.entry();
                if (other.id().equals(entry.id()) || grouped.contains(other.id())) continue;
                if (similarity(entry.title(), other.title()) >= SIMILAR_TITLES) group.add(other);
            }
            if (group.size() > 1) {
                group.sort(Comparator.comparing(KbEntry::createdAt).thenComparing(KbEntry::id));
                group.forEach(e -> grouped.add(e.id()));
                groups.add(group);
            }
        }
        return groups;
    }

    private Merged merge(List<KbEntry> group, String title, String content) {
        KbEntry kept = group.getFirst();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        group.forEach(e -> tags.addAll(e.tags()));
        String cutTitle = title.length() > KnowledgeBase.MAX_TITLE_CHARS ? title.substring(0, KnowledgeBase.MAX_TITLE_CHARS) : title;
        String cutContent = content.length() > KnowledgeBase.MAX_CONTENT_CHARS ? content.substring(0, KnowledgeBase.MAX_CONTENT_CHARS) : content;
        kb.update(kept.id(), new NewKbEntry(cutTitle, cutContent, List.copyOf(tags).subList(0, Math.min(tags.size(), Tags.MAX_TAGS)), null, null));
        List<String> removed = new ArrayList<>();
        for (KbEntry other : group.subList(1, group.size())) {
            entries.addCounts(kept.id(), other.injectedCount(), other.foundCount());
            kb.delete(other.id());
            removed.add(other.id());
        }
        return new Merged(kept.id(), cutTitle, removed);
    }

    static String prompt(List<KbEntry> group) {
        StringBuilder q = new StringBuilder("""
                These knowledge-base entries say nearly the same. Merge them into one entry that keeps every useful \
                detail and drops repetition.
                """);
        for (int i = 0; i < group.size(); i++) {
            q.append("\nEntry ").append(i + 1).append("\nTitle: ").append(group.get(i).title())
                    .append("\nContent: ").append(group.get(i).content()).append('\n');
        }
        q.append("\nAnswer exactly in this form and nothing else:\nTITLE: <one line>\nCONTENT: <the merged text>\n");
        return q.toString();
    }

    /** Jaccard similarity of the titles' words (three letters or more, case ignored). */
    static double similarity(String a, String b) {
        Set<String> wa = titleWords(a);
        Set<String> wb = titleWords(b);
        if (wa.isEmpty() || wb.isEmpty()) return 0;
        Set<String> both = new HashSet<>(wa);
        both.retainAll(wb);
        Set<String> either = new HashSet<>(wa);
        either.addAll(wb);
        return (double) both.size() / either.size();
    }

    private static Set<String> titleWords(String title) {
        Set<String> words = new HashSet<>();
        for (String w : FtsQuery.words(title)) if (w.length() >= 3) words.add(w.toLowerCase(Locale.ROOT));
        return words;
    }
}
