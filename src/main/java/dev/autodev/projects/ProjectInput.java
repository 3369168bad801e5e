package dev.autodev.projects;

/** What a client sends to create or rename a project. */
public record ProjectInput(String name, String description) {}
