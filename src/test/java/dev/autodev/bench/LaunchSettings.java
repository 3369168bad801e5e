package dev.autodev.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The launch settings the shipped server gives a Claude Code run, read from a live run's own process (its command
 * line and environment in /proc), so the bench replays exactly what the product passes today rather than a copy
 * that drifts: the MCP config file (with the run's token), the settings file with the lock hook, the appended guide,
 * and the variables the server adds, split into those the MCP connection reads ({@code MCP_*}) and those the hook
 * reads ({@code ORCHESTRATOR_*}), and the priority it runs at once past its start.
 */
record LaunchSettings(Path mcpConfig, Path settings, String guide, Map<String, String> mcpEnv,
        Map<String, String> hookEnv, Map<String, String> otherEnv, int niceness) {

    /** What a live run with process {@code agentPid} got, against the environment of the server that started it. */
    static LaunchSettings of(long agentPid, long serverPid) throws IOException {
        List<String> args = nulSeparated(Path.of("/proc", Long.toString(agentPid), "cmdline"));
        Map<String, String> agentEnv = environ(agentPid);
        Map<String, String> serverEnv = environ(serverPid);
        Map<String, String> mcp = new TreeMap<>();
        Map<String, String> hook = new TreeMap<>();
        Map<String, String> other = new TreeMap<>();
        agentEnv.forEach((key, value) -> {
            if (Objects.equals(serverEnv.get(key), value)) return;
            if (key.startsWith("MCP_")) mcp.put(key, value);
            else if (key.startsWith("ORCHESTRATOR_")) hook.put(key, value);
            else other.put(key, value);
        });
        return new LaunchSettings(Path.of(valueAfter(args, "--mcp-config")), Path.of(valueAfter(args, "--settings")),
                valueAfter(args, "--append-system-prompt"), mcp, hook, other, niceness(agentPid));
    }

    /** For the report: what each setting is, without the token. */
    String describe() {
        return "MCP config " + mcpConfig.getFileName() + " + " + mcpEnv.keySet() + "; hook settings "
                + settings.getFileName() + " + " + hookEnv.keySet() + "; guide of " + guide.length() + " chars"
                + "; priority once past its start: nice " + niceness
                + (otherEnv.isEmpty() ? "" : "; other variables the server adds (given to every run): " + otherEnv.keySet());
    }

    /** The nice value of a process (field 19 of /proc/PID/stat). */
    private static int niceness(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static String valueAfter(List<String> args, String option) {
        int at = args.indexOf(option);
        if (at < 0 || at + 1 >= args.size()) {
            throw new IllegalStateException("the live run was not started with " + option + ": " + args);
        }
        return args.get(at + 1);
    }

    private static Map<String, String> environ(long pid) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : nulSeparated(Path.of("/proc", Long.toString(pid), "environ"))) {
            int eq = entry.indexOf('=');
            if (eq > 0) env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\u0000")).filter(s -> !s.isEmpty()).toList();
    }
}
