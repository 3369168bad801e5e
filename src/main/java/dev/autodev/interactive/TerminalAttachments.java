package dev.autodev.interactive;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pseudo-terminals browser terminals look through. Each attached terminal gets its own PTY running
 * {@code tmux attach} on the run's session, so tmux does the multiplexing (several tabs, several sizes) and every tab
 * sees the same screen. The number of PTYs is capped ({@link InteractiveProperties#maxAttachedPtys()}): one more
 * is refused with a message saying so, instead of exhausting the machine's PTYs.
 */
@Component
public class TerminalAttachments {

    private static final Logger log = LoggerFactory.getLogger(TerminalAttachments.class);

    private final Tmux tmux;
    private final InteractiveProperties properties;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Set<Attachment>> byRun = new ConcurrentHashMap<>();

    TerminalAttachments(Tmux tmux, InteractiveProperties properties) {
        this.tmux = tmux;
        this.properties = properties;
    }

    /** Where a terminal's output goes; called from the attachment's reader thread only. */
    public interface Sink {
        void output(byte[] bytes, int length) throws IOException;

        /** The PTY closed: the session ended, it was detached, or the server disconnected it. */
        void closed(String reason);
    }

    /** A refused attachment: too many open, or no live session. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** One attached terminal. */
    public final class Attachment {
        private final String runId;
        private final PtyProcess pty;
        private final Sink sink;
        private volatile boolean closed;

        private Attachment(String runId, PtyProcess pty, Sink sink) {
            this.runId = runId;
            this.pty = pty;
            this.sink = sink;
        }

        /** Keystrokes and pastes, as the browser terminal sends them. */
        public void input(byte[] bytes) throws IOException {
            if (closed) return;
            pty.getOutputStream().write(bytes);
            pty.getOutputStream().flush();
        }

        public void resize(int columns, int rows) {
            if (closed || columns < 1 || rows < 1) return;
            pty.setWinSize(new WinSize(Math.min(columns, 1000), Math.min(rows, 500)));
        }

        /** Closes this view; the session goes on. */
        public void close() {
            close("closed");
        }

        private void close(String reason) {
            if (closed) return;
            closed = true;
            pty.destroy();
            Set<Attachment> ofRun = byRun.get(runId);
            if (ofRun != null) ofRun.remove(this);
            open.decrementAndGet();
            sink.closed(reason);
        }

        private void pump() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = pty.getInputStream()) {
                int n;
                while (!closed && (n = in.read(buffer)) > 0) sink.output(buffer, n);
            } catch (IOException | RuntimeException e) {
                // The browser went away while output was on its way (its socket refuses sends once closed).
                if (!closed) log.debug("terminal of run {} stopped: {}", runId, e.getMessage());
            } finally {
                close("detached");
            }
        }
    }

    /**
     * Attaches a new terminal of {@code columns} x {@code rows} to the run's session; its output starts flowing to
     * {@code sink} at once (tmux draws the whole screen first).
     */
    public Attachment attach(String runId, int columns, int rows, Sink sink) throws Refused, IOException {
        String name = Tmux.sessionName(runId);
        if (!tmux.hasSession(name)) throw new Refused("run " + runId + " has no live terminal session");
        if (open.incrementAndGet() > properties.maxAttachedPtys()) {
            open.decrementAndGet();
            throw new Refused("all " + properties.maxAttachedPtys() + " terminal attachments are in use; close a terminal"
                    + " or raise autodev.interactive.max-attached-ptys");
        }
        PtyProcess pty;
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("TERM", "xterm-256color");
            env.remove("TMUX"); // a server started inside tmux would otherwise refuse to attach ("sessions should be nested")
            List<String> command = tmux.attachCommand(name);
            pty = new PtyProcessBuilder(command.toArray(String[]::new)).setEnvironment(env)
                    .setInitialColumns(Math.max(columns, 20)).setInitialRows(Math.max(rows, 5)).start();
        } catch (IOException | RuntimeException e) {
            open.decrementAndGet();
            throw new IOException("cannot open a terminal on session " + name + ": " + e.getMessage(), e);
        }
        Attachment attachment = new Attachment(runId, pty, sink);
        byRun.computeIfAbsent(runId, k -> ConcurrentHashMap.newKeySet()).add(attachment);
        // A platform thread: reading a PTY blocks inside native code (JNA), which would pin a virtual thread's carrier
        // for as long as the terminal is open, and a few terminals would starve every other virtual thread.
        Thread.ofPlatform().daemon().name("terminal-" + runId).start(attachment::pump);
        return attachment;
    }

    /** Closes every terminal on the run's session (Disconnect); the agent keeps running. Returns how many. */
    public int detachAll(String runId, String reason) {
        Set<Attachment> ofRun = byRun.remove(runId);
        if (ofRun == null) return 0;
        List<Attachment> all = List.copyOf(ofRun);
        all.forEach(a -> a.close(reason));
        return all.size();
    }

    /** Closes every terminal of every session. */
    void detachEverything(String reason) {
        List.copyOf(byRun.keySet()).forEach(runId -> detachAll(runId, reason));
    }

    public int attached(String runId) {
        Set<Attachment> ofRun = byRun.get(runId);
        return ofRun == null ? 0 : ofRun.size();
    }

    public int attachedTotal() {
        return open.get();
    }
}
