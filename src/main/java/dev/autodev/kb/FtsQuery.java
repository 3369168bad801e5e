package dev.autodev.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns free text into FTS5 queries. Words are quoted, so nothing a user or agent types is read as FTS5 syntax
 * (a stray quote, AND, NEAR or column filter would otherwise be an error or a different query).
 */
final class FtsQuery {

    // The same split as the unicode61 tokenizer: letters and digits make words, everything else separates them.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "that", "this", "from", "into",
            "are", "was", "were", "will", "not", "but", "you", "your", "all", "any", "can", "has", "have", "its",
            "job", "task", "please", "then", "when", "what", "which", "should", "would", "could", "there", "their",
            "them", "they", "use", "using", "make", "sure", "each", "also", "only", "out", "one", "two");

    private FtsQuery() {}

    /** Every word must occur (a search box); empty when the text has no words. */
    static String allWords(String text) {
        List<String> words = words(text);
        return String.join(" ", words.stream().map(FtsQuery::quoted).toList());
    }

    /**
     * Any of the text's distinctive words may occur, ranked by bm25 (a task description looking for related
     * memory). The longest {@code max} words are kept, common ones dropped, which bounds the query's cost.
     */
    static String anyWords(String text, int max) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(words(text).stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() >= 3 && !COMMON.contains(w))
                .toList()));
        words.sort(Comparator.comparingInt(String::length).reversed());
        return String.join(" OR ", words.stream().limit(max).map(FtsQuery::quoted).toList());
    }

    static List<String> words(String text) {
        if (text == null) return List.of();
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) words.add(matcher.group());
        return words;
    }

    private static String quoted(String word) {
        return '"' + word + '"';
    }
}
