package dev.autodev.batches;

import java.util.List;

/** What a client sends to create or replace a batch template. */
public record BatchTemplateInput(String name, List<String> items) {}
