package dev.autodev.journeys;

import org.junit.jupiter.api.AfterEach;

/**
 * Journeys in which each test starts (and may kill and restart) a packaged server of its own, on a machine of its
 * own; whatever the test started is stopped after it.
 */
abstract class FreshServerJourney {

    final JourneyEnvironment machine = new JourneyEnvironment();
    PackagedServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) server.close();
        machine.close();
    }
}
