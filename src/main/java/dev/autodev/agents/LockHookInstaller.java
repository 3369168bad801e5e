package dev.autodev.agents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/**
 * Puts the lock hook script where agents can run it. The app carries its own copy, so a server started from the jar
 * needs no checkout of the repository; LOCK_HOOK points at another script instead.
 */
@Component
class LockHookInstaller {

    private static final String BUNDLED = "/hooks/check-lock-hook";
    private static final String SESSION_HOOK = "/hooks/session-hook";

    private final AgentProperties properties;
    private volatile Path installed;
    private volatile Path sessionHook;

    LockHookInstaller(AgentProperties properties) {
        this.properties = properties;
    }

    Path hook() {
        Path hook = installed;
        if (hook == null) {
            synchronized (this) {
                if (installed == null) installed = install();
                hook = installed;
            }
        }
        return hook;
    }

    /** The script interactive runs call back through when they go idle or busy (always the bundled copy). */
    Path sessionHook() {
        Path hook = sessionHook;
        if (hook == null) {
            synchronized (this) {
                if (sessionHook == null) sessionHook = copyBundled(SESSION_HOOK, "session-hook");
                hook = sessionHook;
            }
        }
        return hook;
    }

    /** A hook the user named (LOCK_HOOK) must be there, or every edit of every agent would fail later. */
    private static Path requireExecutable(Path hook) {
        if (!Files.isRegularFile(hook) || !Files.isExecutable(hook)) {
            throw new IllegalStateException("LOCK_HOOK " + hook + " is not an executable file");
        }
        return hook;
    }

    private Path install() {
        if (properties.lockHook() != null) return requireExecutable(properties.lockHook());
        return copyBundled(BUNDLED, "check-lock-hook");
    }

    private Path copyBundled(String resource, String name) {
        Path target = properties.logDir().getParent().resolve("hooks").resolve(name);
        try (InputStream bundled = LockHookInstaller.class.getResourceAsStream(resource)) {
            if (bundled == null) throw new IllegalStateException("the app was built without " + resource);
            Files.createDirectories(target.getParent());
            Files.copy(bundled, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the lock hook at " + target, e);
        }
    }
}
