package dev.autodev.notes;

/** What the model reads about the note tools: descriptions and JSON Schemas, kept apart from the code. */
final class NoteToolTexts {

    private NoteToolTexts() {}

    static final String WRITE = """
            Write a note to the scratchpad shared by all agents of this orchestrator (creates it or replaces its \
            value). Use it to hand results, decisions or status to other agents. Namespace keys with slashes, e.g. \
            "results/step1" or "<your-task>/status"; keys must not start with "/". Agents waiting on the key with \
            watch_notes wake as soon as you write it.""";
    static final String WRITE_SCHEMA = """
            {"type":"object","properties":{
              "key":{"type":"string","description":"Namespaced key, e.g. results/step1 (max 200 characters, no leading /)"},
              "value":{"type":"string","description":"The note's text; use JSON text for structured data"}},
             "required":["key","value"],"additionalProperties":false}""";

    static final String READ = """
            Read one note from the shared scratchpad. Returns {"found":false} when the key does not exist yet. \
            To wait for a note another agent will write, call watch_notes instead of calling read_note repeatedly.""";
    static final String READ_SCHEMA = """
            {"type":"object","properties":{
              "key":{"type":"string","description":"The note's key, e.g. results/step1"}},
             "required":["key"],"additionalProperties":false}""";

    static final String LIST = """
            List the notes in the shared scratchpad whose keys start with a prefix (all notes when no prefix is \
            given), with their values, in key order. At most 1000 are returned.""";
    static final String LIST_SCHEMA = """
            {"type":"object","properties":{
              "prefix":{"type":"string","description":"Key prefix, e.g. results/ ; omit to list everything"}},
             "additionalProperties":false}""";

    static final String WATCH = """
            Wait until notes appear in the shared scratchpad, instead of polling read_note. Give either "keys" \
            (returns once every one of them exists) or "prefix" (returns once any note under it exists); add \
            "until_value" to wait until the note(s) hold exactly that value (e.g. "done"). Returns immediately if \
            the condition already holds, otherwise the moment another agent writes the note. One call waits at \
            most 100 seconds (timeout_ms, default and maximum 100000); on timeout the result has "timedOut":true \
            and lists what is "missing" - just call watch_notes again to keep waiting.""";
    static final String WATCH_SCHEMA = """
            {"type":"object","properties":{
              "keys":{"type":"array","items":{"type":"string"},"description":"Keys that must all exist"},
              "prefix":{"type":"string","description":"Wait for any note whose key starts with this, e.g. results/"},
              "until_value":{"type":"string","description":"Only count notes with exactly this value"},
              "timeout_ms":{"type":"integer","minimum":0,"maximum":100000,
                            "description":"How long to wait; default and maximum 100000"}},
             "additionalProperties":false}""";
}
