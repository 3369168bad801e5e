package dev.autodev.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command (git, gh, a check) in a directory under a time limit, stdout and stderr together. */
final class Commands {

    /** Output past this is cut from the front: the end of a command's output says most about how it ended. */
    private static final int MAX_OUTPUT_BYTES = 256 * 1024;

    private Commands() {}

    record Result(int exit, String out) {
        boolean ok() {
            return exit == 0;
        }

        /** The last {@code chars} characters of the output, for a message people read. */
        String tail(int chars) {
            String text = out.strip();
            return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
        }
    }

    static Result git(Path dir, Duration timeout, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        return run(dir, timeout, command);
    }

    static Result run(Path dir, Duration timeout, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Never wait for a password prompt: a push without credentials fails instead of hanging.
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readTail(process.getInputStream()),
                Thread::startVirtualThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(String.join(" ", command.subList(0, Math.min(4, command.size())))
                        + " took longer than " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("could not read the output of " + command.getFirst(), e);
        }
    }

    private static String readTail(InputStream in) {
        try (in) {
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - MAX_OUTPUT_BYTES);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
