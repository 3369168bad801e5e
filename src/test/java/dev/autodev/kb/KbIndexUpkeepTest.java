package dev.autodev.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.Api;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The full-text index built one entry at a time is merged into one piece, and searches find the same after. Isolated,
 * and after any background merge has ended, so that no other test's entries or merge change what this one counts.
 */
@Isolated
class KbIndexUpkeepTest extends AgentIntegrationTest {

    @Autowired
    KbIndexUpkeep upkeep;

    @Test
    void anIndexBuiltEntryByEntryIsMergedAndStillFindsEveryEntry() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !upkeep.merging());
        upkeep.merge();
        String word = KnowledgeBaseEndToEndTest.uniqueWord();
        for (int i = 0; i < 12; i++) {
            Api.Response created = api.post("/api/knowledge-base", Map.of("title", "Merge note " + i + " " + word,
                    "content", "Entry number " + i + " about " + word + ".", "scope", "global"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }

        assertThat(upkeep.merge()).isPositive();
        assertThat(upkeep.merge()).as("an index in one piece has nothing left to merge").isZero();
        assertThat(api.get("/api/knowledge-base/search?q=" + word + "&limit=50").body().get("count").asInt()).isEqualTo(12);
    }
}
