package dev.autodev.notes;

/** Published inside the transaction that writes a note; listeners that must see the note use after-commit. */
public record NoteWritten(String key) {}
