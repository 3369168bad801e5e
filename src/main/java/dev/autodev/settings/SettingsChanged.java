package dev.autodev.settings;

/** Published after settings are saved. */
public record SettingsChanged(Settings settings) {}
