package dev.autodev.bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Jobs on the shipped server as a user submits them: a one-turn prompt, a model, a work dir elsewhere. */
final class ServerJobs {

    private final ShippedServer server;
    private final UserMachine machine;
    final Jobs jobs;

    ServerJobs(ShippedServer server, UserMachine machine) {
        this.server = server;
        this.machine = machine;
        this.jobs = new Jobs(server.http());
    }

    static String marker(String what) {
        return "bench-" + what + "-" + UUID.randomUUID();
    }

    /** A one-turn job whose prompt carries {@code marker}, so its model calls can be told apart. */
    Jobs.Submitted submit(String marker) {
        return submitIn(marker, machine.workDir);
    }

    /** The same job in another work dir. */
    Jobs.Submitted submitIn(String marker, java.nio.file.Path workDir) {
        return jobs.submit(Map.of("description", "Answer in one word. " + marker, "model", CliLaunch.MODEL,
                "maxTurns", 1, "workDir", workDir.toString()));
    }

    /** Waits for the job's end and fails the bench unless it ended done. */
    Jobs.Finished awaitDone(String id, long pollMillis) throws InterruptedException {
        Jobs.Finished finished = jobs.await(id, pollMillis);
        if (!finished.done()) throw new IllegalStateException(finished.failure());
        return finished;
    }

    /** One thread per job, all released by one latch, so the POSTs really arrive together. */
    List<Jobs.Submitted> submitAtOnce(List<String> markers) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(markers.size())) {
            List<Future<Jobs.Submitted>> futures = markers.stream().map(marker -> threads.submit(() -> {
                go.await();
                return submit(marker);
            })).toList();
            go.countDown();
            List<Jobs.Submitted> submitted = new java.util.ArrayList<>();
            for (Future<Jobs.Submitted> future : futures) submitted.add(future.get());
            return submitted;
        }
    }

    ShippedServer server() {
        return server;
    }
}
