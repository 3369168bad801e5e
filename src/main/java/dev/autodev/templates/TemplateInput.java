package dev.autodev.templates;

/** What a client sends to create or replace a template; {@link TemplateService} checks it. */
public record TemplateInput(String name, String content, String defaultModel, String defaultWorkDir) {}
