package dev.autodev.kb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The FTS5 query that finds entries related to a longer text (a task, a learning): its rarest words in the knowledge
 * base, OR-ed. Rare words are what bm25 weighs most anyway, and leaving out the common ones bounds how many entries
 * a query has to rank, which keeps memory selection within a few milliseconds at tens of thousands of entries.
 */
@Component
class TellingWords {

    /** Words looked up per text; a task's first ones say what it is about. */
    private static final int LOOKED_UP = 64;
    private static final int MAX_WORDS = 12;
    /** Roughly how many entries a query may match before its commoner words are left out. */
    private static final long MAX_MATCHES = 600;

    /** Counts go stale as entries come and go; a rough count picks words just as well, so it is kept a while. */
    private static final long CACHE_MILLIS = 10 * 60_000;
    private static final int CACHE_WORDS = 200_000;

    private final KbRepository entries;
    private final Vocabulary vocabulary;
    private final Clock clock;
    // While the vocabulary's copy is out of date (just after a change), words are looked up and remembered here.
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    // Words no entry held at absentAt: any change may bring one in, so they are forgotten when the entries change.
    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    private volatile KbRepository.Version absentAt;
    private volatile long cacheStarted;

    TellingWords(KbRepository entries, Vocabulary vocabulary, Clock clock) {
        this.entries = entries;
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.cacheStarted = clock.millis();
    }

    /** The query, or an empty string when no word of the text occurs in any entry. */
    String queryFor(String text) {
        List<String> words = FtsQuery.distinctiveWords(text, LOOKED_UP);
        Map<String, Long> holding = holding(words);
        List<String> known = new ArrayList<>(holding.keySet());
        known.sort(Comparator.comparingLong((String w) -> holding.get(w)).thenComparing(Comparator.naturalOrder()));
        List<String> chosen = new ArrayList<>();
        long matches = 0;
        for (String word : known) {
            long count = holding.get(word);
            if (!chosen.isEmpty() && (matches + count > MAX_MATCHES || chosen.size() == MAX_WORDS)) break;
            chosen.add(word);
            matches += count;
        }
        return FtsQuery.anyOf(chosen);
    }

    /** How many entries hold each word; words no entry holds are absent. */
    private Map<String, Long> holding(List<String> words) {
        KbRepository.Version version = entries.version();
        return vocabulary.counts(words, version).orElseGet(() -> lookedUp(words, version));
    }

    /**
     * The counts from the cache where it can, else from the index; counting a common word means reading its whole
     * list of entries.
     */
    private Map<String, Long> lookedUp(List<String> words, KbRepository.Version version) {
        long now = clock.millis();
        if (now - cacheStarted > CACHE_MILLIS || counts.size() + absent.size() > CACHE_WORDS) {
            counts.clear();
            absent.clear();
            cacheStarted = now;
        }
        if (!version.equals(absentAt)) {
            absent.clear();
            absentAt = version;
        }
        Map<String, Long> result = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String word : words) {
            Long count = counts.get(word);
            if (count != null) result.put(word, count);
            else if (!absent.contains(word)) missing.add(word);
        }
        if (missing.isEmpty()) return result;
        Map<String, Long> looked = entries.entriesHolding(missing);
        counts.putAll(looked);
        result.putAll(looked);
        // Only as of the version read before the lookup: a change since may have brought a word in.
        if (version.equals(entries.version())) {
            for (String word : missing) if (!looked.containsKey(word)) absent.add(word);
        }
        return result;
    }
}
