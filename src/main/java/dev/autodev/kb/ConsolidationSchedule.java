package dev.autodev.kb;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs a consolidation pass every {@code autodev.kb.consolidate-interval} (never when it is 0). */
@Component
class ConsolidationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsolidationSchedule.class);

    private final Consolidation consolidation;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    ConsolidationSchedule(Consolidation consolidation, KbProperties properties) {
        this.consolidation = consolidation;
        this.interval = properties.consolidateInterval();
    }

    private void pass() {
        try {
            Consolidation.Report report = consolidation.consolidate();
            if (report.groups() > 0) {
                log.info("knowledge base consolidated: {} groups, {} merged, {} left alone", report.groups(),
                        report.merged().size(), report.skipped().size());
            }
        } catch (Exception e) {
            log.error("knowledge-base consolidation failed; the next pass tries again", e);
        }
    }

    @Override
    public void start() {
        if (interval.isZero()) return;
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("kb-consolidation").factory());
        timer.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        if (running != null) running.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
