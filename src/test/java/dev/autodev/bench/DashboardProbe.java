package dev.autodev.bench;

/**
 * What the dashboard section installs in the page before the app's own scripts run ({@code page.addInitScript}),
 * kept on {@code window.__bench}: every requestAnimationFrame timestamp (to find main-thread gaps), long tasks, the
 * wall-clock time (Date.now, the same clock as the bench's {@code Instant.now()}) at which each job card was first
 * seen as {@code cancelled} and each output entry first appeared, and how many WebSocket messages and bytes arrived.
 * A MutationObserver over the whole document stamps cards and entries in the same task that commits them to the DOM.
 */
final class DashboardProbe {

    private DashboardProbe() {}

    static final String INIT_SCRIPT = """
            (() => {
              const B = window.__bench = {
                frames: [], longTasks: [], cancelledAt: {}, outputAt: {}, wsMessages: 0, wsBytes: 0
              };
              const tick = (t) => { B.frames.push(t); requestAnimationFrame(tick); };
              requestAnimationFrame(tick);
              try {
                new PerformanceObserver((list) => {
                  for (const e of list.getEntries()) B.longTasks.push([e.startTime, e.duration]);
                }).observe({ type: 'longtask', buffered: true });
              } catch (e) { B.longTaskError = String(e); }
              const Socket = window.WebSocket;
              window.WebSocket = class extends Socket {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('message', (e) => {
                    B.wsMessages++;
                    const d = e.data;
                    B.wsBytes += typeof d === 'string' ? d.length : (d.byteLength ?? d.size ?? 0);
                  });
                }
              };
              const noteCard = (card, now) => {
                if (card.dataset.status === 'cancelled' && !(card.dataset.jobId in B.cancelledAt)) {
                  B.cancelledAt[card.dataset.jobId] = now;
                }
              };
              const noteEntry = (entry, now) => {
                const seq = entry.dataset.seq;
                if (seq !== undefined && !(seq in B.outputAt)) B.outputAt[seq] = now;
              };
              const visit = (node, now) => {
                if (node.nodeType !== 1) return;
                if (node.matches('[data-testid=job-card]')) noteCard(node, now);
                if (node.matches('[data-testid=output-entry]')) noteEntry(node, now);
                node.querySelectorAll('[data-testid=job-card]').forEach((c) => noteCard(c, now));
                node.querySelectorAll('[data-testid=output-entry]').forEach((c) => noteEntry(c, now));
              };
              new MutationObserver((mutations) => {
                const now = Date.now();
                for (const m of mutations) {
                  if (m.type === 'attributes') {
                    if (m.target.nodeType === 1 && m.target.matches('[data-testid=job-card]')) noteCard(m.target, now);
                  } else {
                    m.addedNodes.forEach((n) => visit(n, now));
                  }
                }
              }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
            })();
            """;

    /**
     * Main-thread figures between two performance.now() instants: frame count, the worst gap between frames, how
     * many gaps exceeded 50 ms, and the long tasks that began in the window.
     */
    static final String MAIN_THREAD = """
            ([from, to]) => {
              const B = window.__bench;
              const frames = B.frames.filter((t) => t >= from && t <= to);
              let worst = 0, worstAt = 0, over50 = 0, over200 = 0;
              for (let i = 1; i < frames.length; i++) {
                const gap = frames[i] - frames[i - 1];
                if (gap > worst) { worst = gap; worstAt = frames[i - 1]; }
                if (gap > 50) over50++;
                if (gap > 200) over200++;
              }
              const tasks = B.longTasks.filter(([start]) => start >= from && start <= to);
              const longest = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
              const busy = tasks.reduce((s, [, d]) => s + d, 0);
              return { frames: frames.length, gaps: Math.max(0, frames.length - 1), worst, worstAt: worstAt - from,
                       over50, over200, longTasks: tasks.length, longest, longTaskMillis: busy,
                       longTaskError: B.longTaskError ?? null };
            }
            """;

    /** Ms since navigation when the job count shows at least {@code shown} cards of at least {@code total} jobs. */
    static final String BOARD_LOADED = """
            ([shown, total]) => {
              const el = document.querySelector('[data-testid=jobs-count]');
              if (!el) return false;
              const m = /(\\d+) shown · (\\d+) jobs/.exec(el.textContent);
              return m && +m[1] >= shown && +m[2] >= total ? performance.now() : false;
            }
            """;

    /** The snapshot request as Resource Timing saw it. */
    static final String SNAPSHOT_TIMING = """
            () => {
              const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/live/snapshot'));
              return e ? { start: e.startTime, end: e.responseEnd, ttfb: e.responseStart - e.startTime,
                           bytes: e.decodedBodySize } : null;
            }
            """;
}
