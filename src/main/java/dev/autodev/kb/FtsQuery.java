package dev.autodev.kb;

import java.util.ArrayList;
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

    /** The distinct lower-case words of a text worth looking up (three letters or more, not common), at most {@code max}. */
    static List<String> distinctiveWords(String text, int max) {
        return new ArrayList<>(new LinkedHashSet<>(words(text).stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() >= 3 && !COMMON.contains(w))
                .toList())).stream().limit(max).toList();
    }

    /** Any of the given words, as an FTS5 query. */
    static String anyOf(List<String> words) {
        return String.join(" OR ", words.stream().map(FtsQuery::quoted).toList());
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
