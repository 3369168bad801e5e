package dev.autodev.interactive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The tmux commands the server uses, always against its own socket so it never touches a user's tmux server. The
 * server is configured by a file of ours (not {@code ~/.tmux.conf}): no status bar, a large scrollback, panes kept
 * after their process exits (so its exit status can be read), and true colour for xterm.js.
 */
@Component
class Tmux {

    static final String PREFIX = "autodev-";
    private static final int MAX_SOCKET_PATH = 100;

    private final InteractiveProperties properties;

    Tmux(InteractiveProperties properties) {
        this.properties = properties;
    }

    static String sessionName(String runId) {
        return PREFIX + runId;
    }

    /** The arguments that select our server: {@code -S socket}, or {@code -L name} when the path is too long. */
    List<String> base() {
        String socket = properties.socket().toString();
        if (socket.length() <= MAX_SOCKET_PATH) return List.of(properties.tmuxBin(), "-S", socket);
        String name = "autodev-" + HexFormat.of().formatHex(socket.getBytes(StandardCharsets.UTF_8)).hashCode();
        return List.of(properties.tmuxBin(), "-L", name);
    }

    /**
     * Starts a detached session running {@code command} in {@code dir}. The environment goes through {@code envFile}
     * (written here, private to this user) rather than {@code -e} arguments, because it carries the run's token and
     * arguments are visible to every user in a process listing.
     */
    void newSession(String name, Path dir, Map<String, String> env, Path envFile, List<String> command, int columns,
                    int rows) throws IOException {
        Files.createDirectories(properties.socket().getParent());
        StringBuilder exports = new StringBuilder();
        env.forEach((key, value) -> exports.append("export ").append(key).append("=").append(quote(value)).append('\n'));
        Files.writeString(envFile, exports);
        Files.setPosixFilePermissions(envFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        List<String> args = new ArrayList<>(base());
        args.addAll(List.of("-f", config().toString(), "new-session", "-d", "-s", name, "-x", Integer.toString(columns),
                "-y", Integer.toString(rows), "-c", dir.toString()));
        args.add(". " + quote(envFile.toString()) + " && " + shellCommand(command));
        Result result = run(args);
        if (result.exit != 0) throw new IOException("tmux new-session failed (" + result.exit + "): " + result.output.strip());
        // remain-on-exit is a window option: set it on the session itself too, in case a user config overrides it.
        tmux(List.of("set-option", "-w", "-t", pane(name), "remain-on-exit", "on"));
    }

    /** The session's (only) pane: a pane target needs the session's exact name and a colon. */
    private static String pane(String name) {
        return "=" + name + ":";
    }

    boolean hasSession(String name) {
        return tmux(List.of("has-session", "-t", "=" + name)).exit == 0;
    }

    /** The pane's process (the CLI, leader of its own process group), while the session lives. */
    Optional<Long> panePid(String name) {
        Result result = tmux(List.of("display-message", "-p", "-t", pane(name), "#{pane_pid}"));
        if (result.exit != 0) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(result.output.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the pane's process has exited, and with which status; empty while it runs or when the session is gone. */
    Optional<Integer> deadStatus(String name) {
        Result result = tmux(List.of("display-message", "-p", "-t", pane(name), "#{pane_dead}:#{pane_dead_status}"));
        if (result.exit != 0) return Optional.empty();
        String[] parts = result.output.strip().split(":", 2);
        if (!parts[0].equals("1")) return Optional.empty();
        try {
            return Optional.of(parts.length > 1 && !parts[1].isBlank() ? Integer.parseInt(parts[1]) : -1);
        } catch (NumberFormatException e) {
            return Optional.of(-1);
        }
    }

    /** Types {@code text} literally (no key names), as a paste would. */
    void sendText(String name, String text) throws IOException {
        if (text.isEmpty()) return;
        check(tmux(List.of("send-keys", "-t", pane(name), "-l", "--", text)), "send-keys");
    }

    void sendEnter(String name) throws IOException {
        check(tmux(List.of("send-keys", "-t", pane(name), "Enter")), "send-keys");
    }

    /** What the pane holds, with colours: its whole scrollback ({@code history}) or only its visible screen. */
    String capture(String name, boolean history) {
        List<String> args = new ArrayList<>(List.of("capture-pane", "-p", "-e", "-t", pane(name)));
        if (history) args.addAll(List.of("-S", "-", "-E", "-1"));
        Result result = tmux(args);
        return result.exit == 0 ? result.output : "";
    }

    void kill(String name) {
        tmux(List.of("kill-session", "-t", "=" + name));
    }

    /** Names of all sessions on our server; empty when the server is not running. */
    List<String> sessions() {
        Result result = tmux(List.of("list-sessions", "-F", "#{session_name}"));
        if (result.exit != 0) return List.of();
        return result.output.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The command a pseudo-terminal runs to show a session. */
    List<String> attachCommand(String name) {
        List<String> args = new ArrayList<>(base());
        args.addAll(List.of("attach-session", "-t", "=" + name));
        return args;
    }

    private Path config() throws IOException {
        Path file = properties.socket().resolveSibling("tmux.conf");
        String text = """
                set -g status off
                set -g history-limit %d
                set -g remain-on-exit on
                set -g focus-events on
                set -g escape-time 0
                set -g window-size latest
                set -g default-terminal "xterm-256color"
                set -ga terminal-overrides ",xterm-256color:Tc"
                """.formatted(properties.historyLimit());
        if (!Files.exists(file) || !Files.readString(file).equals(text)) Files.writeString(file, text);
        return file;
    }

    /** One string for tmux, which hands it to {@code sh -c}: every argument single-quoted. */
    static String shellCommand(List<String> command) {
        StringBuilder out = new StringBuilder("exec");
        for (String arg : command) out.append(' ').append(quote(arg));
        return out.toString();
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void check(Result result, String what) throws IOException {
        if (result.exit != 0) throw new IOException("tmux " + what + " failed: " + result.output.strip());
    }

    private Result tmux(List<String> tmuxArgs) {
        List<String> args = new ArrayList<>(base());
        args.addAll(tmuxArgs);
        return run(args);
    }

    private static Result run(List<String> args) {
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "tmux did not answer in 10 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + args.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private record Result(int exit, String output) {}
}
