package dev.autodev.agents;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A process to start: its argument list (program first), environment additions, and working directory. */
public record LaunchCommand(List<String> args, Map<String, String> env, Path workDir) {}
