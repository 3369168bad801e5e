package dev.autodev.locks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What one lock covers: a single file, or with the {@code checkout::} prefix a whole directory tree. Paths are
 * absolute and normalised, so {@code src/../src/A.java} and {@code /repo/src/A.java} are one lock.
 */
record LockTarget(Path path, boolean directory) {

    static final String DIRECTORY_PREFIX = "checkout::";

    /**
     * Reads what an agent sent. Relative paths are resolved against {@code workDir}, {@code .} and {@code ..} are
     * resolved, and symbolic links in the part that exists are followed, because the hook sees the path the edit
     * tool uses while the agent may have spelled it through a link.
     */
    static LockTarget parse(String raw, Path workDir) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("a file path must not be blank");
        String text = raw.strip();
        boolean directory = text.startsWith(DIRECTORY_PREFIX);
        if (directory) text = text.substring(DIRECTORY_PREFIX.length()).strip();
        if (text.isEmpty()) throw new IllegalArgumentException("'" + raw + "' names no directory");
        return new LockTarget(absolute(text, workDir), directory);
    }

    /** The absolute, normalised form of {@code file} (relative to {@code workDir}). */
    static Path absolute(String file, Path workDir) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + file + "' is not a valid path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            if (workDir == null) throw new IllegalArgumentException("'" + file + "' is relative and there is no work directory");
            path = workDir.resolve(path);
        }
        return followExistingPart(path.normalize());
    }

    /** True when the two cannot be held by different runs at once. */
    boolean overlaps(LockTarget other) {
        if (path.equals(other.path)) return true;
        return (directory && other.path.startsWith(path)) || (other.directory && path.startsWith(other.path));
    }

    /** True when editing {@code file} (absolute, normalised) is allowed by holding this. */
    boolean covers(Path file) {
        return directory ? file.startsWith(path) : file.equals(path);
    }

    /** How agents write it: the path, with the prefix for a directory. */
    String display() {
        return directory ? DIRECTORY_PREFIX + path : path.toString();
    }

    private static Path followExistingPart(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return path;
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path; // unreadable: the lexical form is the best there is
        }
    }
}
