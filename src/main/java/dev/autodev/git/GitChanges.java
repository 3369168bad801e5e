package dev.autodev.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Reads a working tree's changes through the git CLI, each call under a time limit. */
@Component
public class GitChanges {

    /** Git's well-known empty tree, to diff against in a repository that has no commit yet. */
    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DIFF_BYTES = 2 * 1024 * 1024;

    /** The changes in {@code dir}, or empty when it is not inside a git working tree. */
    public Optional<WorkingTreeChanges> of(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Optional.empty();
        Result inside = git(dir, MAX_DIFF_BYTES, "rev-parse", "--is-inside-work-tree");
        if (inside.exit != 0 || !inside.out.strip().equals("true")) return Optional.empty();
        Result head = git(dir, 1024, "rev-parse", "--verify", "--quiet", "HEAD");
        String headCommit = head.exit == 0 ? head.out.strip() : null;
        Result diff = git(dir, MAX_DIFF_BYTES, "diff", "--no-color", "--no-ext-diff", headCommit == null ? EMPTY_TREE : "HEAD",
                "--", ".");
        if (diff.exit != 0) throw new IOException("git diff failed: " + diff.out.strip());
        Result untracked = git(dir, MAX_DIFF_BYTES, "ls-files", "--others", "--exclude-standard", "--", ".");
        List<String> files = untracked.out.isBlank() ? List.of()
                : Arrays.stream(untracked.out.split("\n")).filter(f -> !f.isBlank()).toList();
        return Optional.of(new WorkingTreeChanges(dir.toString(), headCommit, diff.out, diff.truncated, files));
    }

    private record Result(int exit, String out, boolean truncated) {}

    private static Result git(Path dir, int maxBytes, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readCapped(process.getInputStream(), maxBytes),
                Thread::startVirtualThread);
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + args[0] + " took longer than " + TIMEOUT.toSeconds() + " s");
            }
            byte[] bytes = output.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            boolean truncated = bytes.length > maxBytes;
            String text = new String(bytes, 0, Math.min(bytes.length, maxBytes), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), text, truncated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("could not read git's output", e);
        }
    }

    /** Reads up to one byte past the limit (so the caller can tell it was cut), then drains the rest. */
    private static byte[] readCapped(InputStream in, int maxBytes) {
        try (in) {
            byte[] kept = in.readNBytes(maxBytes + 1);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return kept;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
