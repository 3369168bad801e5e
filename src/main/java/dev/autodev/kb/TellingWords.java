package dev.autodev.kb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private final Clock clock;
    // Only words some entry holds: a word that was in none may be in the next entry, and must be looked up again.
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private volatile long cacheStarted;

    TellingWords(KbRepository entries, Clock clock) {
        this.entries = entries;
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

    /**
     * How many entries hold each word, from the cache where it can; counting a common word means reading its whole
     * list of entries, which is most of the cost of choosing memory.
     */
    private Map<String, Long> holding(List<String> words) {
        long now = clock.millis();
        if (now - cacheStarted > CACHE_MILLIS || counts.size() > CACHE_WORDS) {
            counts.clear();
            cacheStarted = now;
        }
        Map<String, Long> result = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String word : words) {
            Long count = counts.get(word);
            if (count != null) result.put(word, count);
            else missing.add(word);
        }
        Map<String, Long> looked = entries.entriesHolding(missing);
        counts.putAll(looked);
        result.putAll(looked);
        return result;
    }
}
