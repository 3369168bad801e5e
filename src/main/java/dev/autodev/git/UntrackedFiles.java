package dev.autodev.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work tree's untracked files, made visible to {@code git diff}: a throwaway copy of the index gets an
 * intent-to-add entry for each file small enough to show, so one diff against the base holds them as added files.
 * The real index is never written; close to delete the copy.
 */
final class UntrackedFiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UntrackedFiles.class);
    static final long MAX_FILE_BYTES = 256 * 1024;
    static final int MAX_FILES = 500;
    private static final int MAX_LIST_BYTES = 1024 * 1024;

    private final List<String> all;
    private final Set<String> inDiff;
    private final Map<String, String> env;
    private final Path tempDir;

    private UntrackedFiles(List<String> all, Set<String> inDiff, Map<String, String> env, Path tempDir) {
        this.all = all;
        this.inDiff = inDiff;
        this.env = env;
        this.tempDir = tempDir;
    }

    /** The untracked files of the work tree whose top folder is {@code top}. */
    static UntrackedFiles in(Path top, Duration timeout) throws IOException {
        // Reading must not take locks an agent's own git commands in the same work tree would then wait for.
        Map<String, String> env = new HashMap<>(Map.of("GIT_OPTIONAL_LOCKS", "0"));
        Commands.Result listed = Commands.gitRead(top, timeout, MAX_LIST_BYTES, env, "ls-files", "--others", "--exclude-standard", "-z");
        if (!listed.ok()) throw new IOException("git ls-files failed: " + listed.tail(300));
        List<String> all = paths(listed);
        List<String> shown = all.stream().filter(path -> small(top.resolve(path))).limit(MAX_FILES).toList();
        if (shown.isEmpty()) return new UntrackedFiles(all, Set.of(), Map.copyOf(env), null);
        Path tempDir = Files.createTempDirectory("autodev-index-");
        try {
            Path index = tempDir.resolve("index");
            Commands.Result real = Commands.gitRead(top, timeout, 4096, env, "rev-parse", "--git-path", "index");
            Path realIndex = top.resolve(real.out().strip());
            if (real.ok() && Files.isRegularFile(realIndex)) Files.copy(realIndex, index, StandardCopyOption.REPLACE_EXISTING);
            Path pathspecs = tempDir.resolve("paths");
            Files.writeString(pathspecs, String.join("\0", shown), StandardCharsets.UTF_8);
            env.put("GIT_INDEX_FILE", index.toString());
            env.put("GIT_LITERAL_PATHSPECS", "1");
            Commands.Result added = Commands.gitRead(top, timeout, 64 * 1024, env, "add", "--intent-to-add",
                    "--pathspec-from-file=" + pathspecs, "--pathspec-file-nul");
            if (!added.ok()) {
                log.debug("could not show the untracked files of {} in the diff: {}", top, added.tail(300));
                delete(tempDir);
                return new UntrackedFiles(all, Set.of(), Map.of("GIT_OPTIONAL_LOCKS", "0"), null);
            }
            return new UntrackedFiles(all, new LinkedHashSet<>(shown), Map.copyOf(env), tempDir);
        } catch (IOException | RuntimeException e) {
            delete(tempDir);
            throw e;
        }
    }

    /** Every untracked file, relative to the top folder (nested repositories left out). */
    List<String> all() {
        return all;
    }

    /** The untracked files the diff shows. */
    Set<String> inDiff() {
        return inDiff;
    }

    /** The environment for git commands that should see them. */
    Map<String, String> env() {
        return env;
    }

    @Override
    public void close() {
        if (tempDir != null) delete(tempDir);
    }

    private static List<String> paths(Commands.Result listed) {
        List<String> paths = new ArrayList<>(Arrays.asList(listed.out().split("\0", -1)));
        // The last entry of a cut list may be cut too; an uncut list ends with an empty field.
        paths.removeLast();
        // A nested repository is listed as its folder.
        return paths.stream().filter(p -> !p.isEmpty() && !p.endsWith("/")).toList();
    }

    private static boolean small(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isSymbolicLink() || (attributes.isRegularFile() && attributes.size() <= MAX_FILE_BYTES);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}
