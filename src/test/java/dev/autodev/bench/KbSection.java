package dev.autodev.bench;

import dev.autodev.common.Db;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobStatus;
import dev.autodev.jobs.StopMode;
import dev.autodev.queue.PromptMemory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The knowledge base at size: 50,000 entries over 50 projects, their text drawn from a 20,000-word vocabulary with
 * Zipf's law (a word's frequency falls with its rank, as in real text, so the commonest words are in nearly every
 * entry); then full-text searches as the KB panel makes them (over HTTP), for words a person looks for (not the 50
 * commonest, which play the part of "the" and "and"), and memory selection as dispatch runs it for each job (in the
 * server, the exact call the dispatcher makes). Wall time is the target's measure; CPU time is printed beside it (the
 * JVM's per search, the selecting thread's per job), since on a shared machine the wall time mostly measures waiting
 * for a CPU.
 * Sizes: {@code -Dbench.kbEntries=50000}, {@code -Dbench.kbSearches=500}, {@code -Dbench.kbJobs=300}.
 */
final class KbSection {

    private static final int PROJECTS = 50;
    private static final int VOCABULARY = 20_000;
    private static final int STOP_WORDS = 50;
    private static final String INSERT = """
            INSERT INTO kb_entries (id, title, content, tags, scope, project, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'approved', ?, ?)""";

    private KbSection() {}

    static void run(BenchApp app, Report report) throws Exception {
        int entries = Integer.getInteger("bench.kbEntries", 50_000);
        int searches = Integer.getInteger("bench.kbSearches", 500);
        int jobs = Integer.getInteger("bench.kbJobs", 300);
        Random random = new Random(42);
        List<String> words = vocabulary(random);

        long fillStarted = System.nanoTime();
        fill(app, words, random, entries);
        report.figure(String.format(java.util.Locale.ROOT, "filled %,d entries in %.1f s", entries,
                (System.nanoTime() - fillStarted) / 1e9));

        List<Double> searchMillis = new ArrayList<>();
        double cpuBefore = 0;
        for (int i = 0; i < searches + 50; i++) {
            if (i == 50) cpuBefore = ChildCpu.ownSeconds();
            String q = i % 2 == 0 ? searched(words, random) : searched(words, random) + " " + searched(words, random);
            long started = System.nanoTime();
            var response = app.http().get("/api/knowledge-base/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            double millis = (System.nanoTime() - started) / 1e6;
            if (response.status() != 200) throw new IllegalStateException("search answered " + response.status());
            if (i >= 50) searchMillis.add(millis); // the first ones warm the JIT up
        }
        double searchCpuMillis = (ChildCpu.ownSeconds() - cpuBefore) * 1000 / searches;
        Percentiles search = Percentiles.of(searchMillis);
        report.figure("KB search over HTTP (one or two words, 20 results with snippets), " + search.count()
                + " queries: " + search.summary(), "p99 < 20 ms", search.p99() < 20);
        // Server and client share this JVM, so this is a whole request's CPU, both ends (and other threads') included.
        report.note("CPU time of this JVM per search, server and client together: %.1f ms on average", searchCpuMillis);

        PromptMemory memory = app.bean(PromptMemory.class);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> memoryMillis = new ArrayList<>();
        List<Double> memoryCpuMillis = new ArrayList<>();
        long withMemory = 0;
        for (int i = 0; i < jobs + 50; i++) {
            Job job = job(words, random, "/bench/project-" + random.nextInt(PROJECTS));
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            String section = memory.sectionFor(job);
            double millis = (System.nanoTime() - started) / 1e6;
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
            if (i >= 50) {
                memoryMillis.add(millis);
                memoryCpuMillis.add(cpuMillis);
                if (!section.isEmpty()) withMemory++;
            }
        }
        Percentiles selection = Percentiles.of(memoryMillis);
        report.figure("memory selection per dispatched job (60-word task, project then global, 4,000 chars), "
                + selection.count() + " jobs, " + withMemory + " got memory: " + selection.summary(),
                "p99 < 10 ms", selection.p99() < 10);
        report.note("CPU time of the same calls: %s", Percentiles.of(memoryCpuMillis).summary());
    }

    private static void fill(BenchApp app, List<String> words, Random random, int entries) {
        Db db = app.bean(Db.class);
        TransactionTemplate tx = app.bean(TransactionTemplate.class);
        long now = System.currentTimeMillis();
        int batch = 2000;
        for (int from = 0; from < entries; from += batch) {
            int start = from;
            int end = Math.min(entries, start + batch);
            tx.executeWithoutResult(s -> {
                List<Object[]> rows = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    boolean global = random.nextInt(10) == 0;
                    rows.add(new Object[] {UUID.randomUUID().toString(), sentence(words, random, 6),
                            sentence(words, random, 40), word(words, random) + " " + word(words, random),
                            global ? "global" : "project", global ? null : "/bench/project-" + random.nextInt(PROJECTS),
                            now + i, now + i});
                }
                for (Object[] row : rows) db.write().sql(INSERT).params(row).update();
            });
        }
    }

    private static Job job(List<String> words, Random random, String workDir) {
        Instant now = Instant.now();
        return new Job(UUID.randomUUID().toString(), sentence(words, random, 6), sentence(words, random, 60),
                JobStatus.QUEUED, null, 0, "claude-sonnet-4-6", workDir, null, StopMode.COMPLETION, null, Map.of(),
                null, null, List.of(), null, null, now, now, false, List.of(), null, 0, 1, null, null, null, false, null, null, false);
    }

    /** Made-up words of 4 to 9 letters; repeated draws follow a Zipf-like curve (see {@link #word}). */
    private static List<String> vocabulary(Random random) {
        List<String> words = new ArrayList<>(VOCABULARY);
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            int length = 4 + random.nextInt(6);
            for (int c = 0; c < length; c++) w.append((char) ('a' + random.nextInt(26)));
            words.add(w.toString());
        }
        return words;
    }

    /** A word by Zipf's law (exponent 1): rank r is drawn with probability about 1/r. */
    private static String word(List<String> words, Random random) {
        int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(words.size() + 1))) - 1;
        return words.get(Math.clamp(rank, 0, words.size() - 1));
    }

    /** A word someone searches for: by the same law, but never one of the commonest few. */
    private static String searched(List<String> words, Random random) {
        String w;
        do {
            w = word(words, random);
        } while (words.indexOf(w) < STOP_WORDS);
        return w;
    }

    private static String sentence(List<String> words, Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(i == 0 ? "" : " ").append(word(words, random));
        return s.toString();
    }
}
