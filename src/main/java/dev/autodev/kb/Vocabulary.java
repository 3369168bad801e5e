package dev.autodev.kb;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many entries hold each word, for the whole knowledge base at once, kept in memory. Choosing memory asks for
 * the counts of some sixty words per job; looking each up in the index costs more than the rest of the choice, and
 * the whole vocabulary is read in about a tenth of a second at 50,000 entries. The copy is only used while the
 * entries are as they were when it was read (same newest row, same latest change); after a change callers look words
 * up themselves until a new copy, read in the background, is in place.
 */
@Component
class Vocabulary {

    private static final Logger log = LoggerFactory.getLogger(Vocabulary.class);
    /** At most one reading of the vocabulary this often, however often entries change. */
    private static final long MIN_MILLIS_BETWEEN_READS = 10_000;
    /** A vocabulary larger than this is not kept (tens of MB); words are then looked up one by one. */
    static final int MAX_WORDS = 300_000;
    /** After finding the vocabulary too large, the next attempt waits this long. */
    private static final long MILLIS_AFTER_TOO_LARGE = 600_000;

    /** The counts as of a version of the entries; null counts: the vocabulary was too large to keep. */
    private record Copy(KbRepository.Version version, Map<String, Integer> counts) {}

    private final KbRepository entries;
    private final Clock clock;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kb-vocabulary").factory());
    private volatile Copy copy;
    private volatile long lastReadStarted = Long.MIN_VALUE / 2;

    Vocabulary(KbRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * The counts of {@code words} when the copy is current: a word absent from the map is in no entry. Empty when the
     * copy is out of date (a newer one is then read in the background) or too large to keep.
     */
    Optional<Map<String, Long>> counts(List<String> words, KbRepository.Version now) {
        Copy current = copy;
        if (current == null || !current.version().equals(now)) {
            readLater(current != null && current.counts() == null ? MILLIS_AFTER_TOO_LARGE : MIN_MILLIS_BETWEEN_READS);
            return Optional.empty();
        }
        if (current.counts() == null) return Optional.empty();
        Map<String, Long> counts = new HashMap<>();
        for (String word : words) {
            Integer count = current.counts().get(word);
            if (count != null) counts.put(word, count.longValue());
        }
        return Optional.of(counts);
    }

    private void readLater(long millisBetweenReads) {
        long now = clock.millis();
        if (now - lastReadStarted < millisBetweenReads || !reading.compareAndSet(false, true)) return;
        lastReadStarted = now;
        reader.execute(() -> {
            try {
                read();
            } catch (Exception e) {
                log.warn("could not read the knowledge base's vocabulary; words are looked up one by one", e);
            } finally {
                reading.set(false);
            }
        });
    }

    /** Reads the vocabulary as of the version read first: a change during the reading makes it out of date at once. */
    void read() {
        KbRepository.Version version = entries.version();
        Map<String, Integer> counts = entries.vocabulary(MAX_WORDS);
        if (counts == null) log.info("the knowledge base holds more than {} distinct words; they are looked up one by one", MAX_WORDS);
        copy = new Copy(version, counts);
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }
}
