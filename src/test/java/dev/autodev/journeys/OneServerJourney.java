package dev.autodev.journeys;

import dev.autodev.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Journeys that share one packaged server for the whole class, started with a user's defaults. The server is held by
 * the class's single instance, not in static fields: journey classes run concurrently, and static fields here would
 * be one server shared by (and stopped under) all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneServerJourney {

    JourneyEnvironment machine;
    PackagedServer server;
    Api api;

    @BeforeAll
    void startTheProductAsAUserWould() {
        machine = new JourneyEnvironment();
        server = machine.startServer();
        api = server.api();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) server.close();
        if (machine != null) machine.close();
    }
}
