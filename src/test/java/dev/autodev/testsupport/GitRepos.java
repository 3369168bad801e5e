package dev.autodev.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real git repositories in temp folders: a bare one standing in for origin, and a clone with one commit. */
public final class GitRepos {

    private GitRepos() {}

    /** A clone (with user name and email set) and the bare repository it pushes to. */
    public record Cloned(Path origin, Path checkout) {}

    public static Cloned cloneWithInitialCommit(Path parent) {
        try {
            Files.createDirectories(parent);
            Path origin = parent.resolve("origin.git");
            Path clone = parent.resolve("clone");
            git(parent, "init", "-q", "--bare", "-b", "main", origin.toString());
            git(parent, "clone", "-q", origin.toString(), clone.toString());
            git(clone, "config", "user.name", "Test Person");
            git(clone, "config", "user.email", "test@example.com");
            git(clone, "checkout", "-q", "-b", "main");
            Files.writeString(clone.resolve("README.md"), "# test repo\n");
            git(clone, "add", "-A");
            git(clone, "commit", "-q", "-m", "initial commit");
            git(clone, "push", "-q", "-u", "origin", "main");
            return new Cloned(origin, clone.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs git in {@code dir} and returns its output; fails the test when git fails. */
    public static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
