package dev.autodev.backups;

import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.AgentIntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A backup taken while the server runs opens as a database that holds the same jobs. */
class DatabaseBackupsTest extends AgentIntegrationTest {

    @Test
    void aBackupRestoresToADatabaseWithTheSameJobs() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createJob(aJob("keep me " + i + " " + newMarker()).with("scheduledAt", "2999-01-01T00:00:00Z")).get("id").asString());
        }

        var response = api.post("/api/backups", null);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        String path = response.body().get("path").asString();
        try (Connection restored = DriverManager.getConnection("jdbc:sqlite:" + path);
             PreparedStatement query = restored.prepareStatement("SELECT description FROM jobs WHERE id = ?")) {
            for (String id : ids) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).as("job " + id + " is in the backup").isTrue();
                    assertThat(row.getString(1)).startsWith("keep me");
                }
            }
            try (ResultSet history = restored.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                assertThat(history.getInt(1)).isPositive();
            }
        }
        assertThat(api.get("/api/backups").body().valueStream().map(b -> b.get("path").asString())).contains(path);
        ids.forEach(id -> api.post("/api/jobs/" + id + "/cancel", null));
    }
}
