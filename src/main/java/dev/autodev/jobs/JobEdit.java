package dev.autodev.jobs;

/** A change to a queued job's text: the fields given replace the job's, the others stay. */
public record JobEdit(String title, String description) {}
