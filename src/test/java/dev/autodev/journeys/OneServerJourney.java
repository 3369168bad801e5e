package dev.autodev.journeys;

import dev.autodev.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Journeys that share one packaged server for the whole class, started with a user's defaults. */
abstract class OneServerJourney {

    static JourneyEnvironment machine;
    static PackagedServer server;
    static Api api;

    @BeforeAll
    static void startTheProductAsAUserWould() {
        machine = new JourneyEnvironment();
        server = machine.startServer();
        api = server.api();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) server.close();
        if (machine != null) machine.close();
    }
}
