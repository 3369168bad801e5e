package dev.autodev.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (git, gh, a check) in a directory under a time limit, its output capped. Commands run for their
 * effect get stdout and stderr together; git read for its output ({@link #gitRead}) keeps stderr apart, so a warning
 * cannot end up inside a diff.
 */
final class Commands {

    /** Output past this is cut from the front: the end of a command's output says most about how it ended. */
    private static final int MAX_OUTPUT_BYTES = 256 * 1024;
    private static final int MAX_ERROR_BYTES = 8 * 1024;

    private Commands() {}

    /** Which part of a long output to keep: the start (a diff people page through) or the end (how it ended). */
    enum Keep { HEAD, TAIL }

    /**
     * @param truncated whether output was cut to fit the limit
     * @param err       stderr, when it was kept apart from {@code out}; empty otherwise
     */
    record Result(int exit, String out, boolean truncated, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** The last {@code chars} characters of the output (stderr when kept apart), for a message people read. */
        String tail(int chars) {
            String text = (err.isBlank() ? out : err).strip();
            return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
        }
    }

    static Result git(Path dir, Duration timeout, String... args) throws IOException {
        return run(dir, timeout, gitCommand(args), Map.of(), Keep.TAIL, MAX_OUTPUT_BYTES, false);
    }

    /**
     * Git read for its output: stdout alone (its start, up to {@code maxBytes}), stderr apart, with extra environment
     * variables (e.g. another index file).
     */
    static Result gitRead(Path dir, Duration timeout, int maxBytes, Map<String, String> env, String... args) throws IOException {
        return run(dir, timeout, gitCommand(args), env, Keep.HEAD, maxBytes, true);
    }

    static Result run(Path dir, Duration timeout, List<String> command) throws IOException {
        return run(dir, timeout, command, Map.of(), Keep.TAIL, MAX_OUTPUT_BYTES, false);
    }

    private static List<String> gitCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        return command;
    }

    private static Result run(Path dir, Duration timeout, List<String> command, Map<String, String> env, Keep keep,
                              int maxBytes, boolean errorsApart) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(!errorsApart)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Never wait for a password prompt: a push without credentials fails instead of hanging.
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<Result> output = CompletableFuture.supplyAsync(
                () -> read(process.getInputStream(), keep, maxBytes), Thread::startVirtualThread);
        CompletableFuture<Result> errors = errorsApart
                ? CompletableFuture.supplyAsync(() -> read(process.getErrorStream(), Keep.TAIL, MAX_ERROR_BYTES), Thread::startVirtualThread)
                : CompletableFuture.completedFuture(new Result(0, "", false, ""));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(String.join(" ", command.subList(0, Math.min(4, command.size())))
                        + " took longer than " + timeout.toSeconds() + " s");
            }
            Result read = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String err = errors.get(timeout.toMillis(), TimeUnit.MILLISECONDS).out();
            return new Result(process.exitValue(), read.out(), read.truncated(), err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("could not read the output of " + command.getFirst(), e);
        }
    }

    /** Reads the whole output (so the process never blocks on a full pipe) and keeps the wanted part. */
    private static Result read(InputStream in, Keep keep, int maxBytes) {
        try (in) {
            if (keep == Keep.HEAD) {
                byte[] kept = in.readNBytes(maxBytes + 1);
                in.transferTo(OutputStream.nullOutputStream());
                boolean truncated = kept.length > maxBytes;
                return new Result(0, new String(kept, 0, Math.min(kept.length, maxBytes), StandardCharsets.UTF_8), truncated, "");
            }
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - maxBytes);
            return new Result(0, new String(all, from, all.length - from, StandardCharsets.UTF_8), from > 0, "");
        } catch (IOException e) {
            return new Result(0, "", false, "");
        }
    }
}
