package dev.autodev.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What runs the bench's MCP clients. */
enum ClientThreads {
    /**
     * Virtual threads, which the JVM schedules together with the server's own request handling, first come first
     * served: the client side then adds next to nothing to what is measured.
     */
    VIRTUAL,
    /** One OS thread per client, scheduled by the OS against the server's threads. */
    PLATFORM;

    ExecutorService start(int clients) {
        return this == VIRTUAL ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(clients);
    }
}

