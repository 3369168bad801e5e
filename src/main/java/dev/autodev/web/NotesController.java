package dev.autodev.web;

import dev.autodev.common.ApiException.NotFound;
import dev.autodev.notes.Note;
import dev.autodev.notes.NoteService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agents' shared scratchpad, read-only over REST. Keys contain slashes, so a note's URL is its key's path. */
@RestController
@RequestMapping("/api/notes")
class NotesController {

    private final NoteService notes;

    NotesController(NoteService notes) {
        this.notes = notes;
    }

    @GetMapping
    List<Note> list(@RequestParam(required = false) String prefix) {
        return notes.list(prefix);
    }

    /** {@code /api/notes/results/step1} reads the note {@code results/step1}; {*key} captures the whole rest. */
    @GetMapping("/{*key}")
    Note get(@PathVariable String key) {
        String noteKey = key.startsWith("/") ? key.substring(1) : key;
        return notes.read(noteKey).orElseThrow(() -> new NotFound("note", noteKey));
    }
}
