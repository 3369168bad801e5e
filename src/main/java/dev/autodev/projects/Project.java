package dev.autodev.projects;

import java.time.Instant;

/** A named group of jobs. Jobs point at their project; deleting it leaves them un-grouped. */
public record Project(String id, String name, String description, Instant createdAt, Instant updatedAt) {}
