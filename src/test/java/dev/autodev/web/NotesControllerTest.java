package dev.autodev.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.notes.NoteService;
import dev.autodev.testsupport.AgentIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotesControllerTest extends AgentIntegrationTest {

    @Autowired
    NoteService notes;

    private final String ns = "rest-" + UUID.randomUUID();

    @Test
    void aNoteIsReadAtItsKeysPath() {
        notes.write(null, ns + "/results/step1", "{\"passed\":true}");

        var response = api.get("/api/notes/" + ns + "/results/step1");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("key").asString()).isEqualTo(ns + "/results/step1");
        assertThat(response.body().get("value").asString()).isEqualTo("{\"passed\":true}");
        assertThat(response.body().has("updatedAt")).isTrue();
    }

    @Test
    void notesAreListedByPrefix() {
        notes.write(null, ns + "/b", "2");
        notes.write(null, ns + "/a", "1");
        notes.write(null, ns + "x/c", "elsewhere");

        var response = api.get("/api/notes?prefix=" + ns + "/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().valueStream().map(n -> n.get("key").asString()))
                .containsExactly(ns + "/a", ns + "/b");
    }

    @Test
    void aMissingNoteIs404AndABadPrefixIs400() {
        var missing = api.get("/api/notes/" + ns + "/nothing");
        var badPrefix = api.get("/api/notes?prefix=/abs");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asString()).isEqualTo("no note with id " + ns + "/nothing");
        assertThat(badPrefix.status()).isEqualTo(400);
        assertThat(badPrefix.body().get("field").asString()).isEqualTo("prefix");
    }
}
