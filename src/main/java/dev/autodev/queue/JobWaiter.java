package dev.autodev.queue;

import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobChanged;
import dev.autodev.jobs.JobRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lets a caller block until jobs finish. Waiters sleep on one condition that every committed job change signals,
 * so they wake as soon as a job ends rather than on a polling tick.
 */
@Component
class JobWaiter {

    private final JobRepository jobs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long version; // guarded by lock; counts job changes so a waiter can tell it missed none

    JobWaiter(JobRepository jobs) {
        this.jobs = jobs;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The jobs as they stand once all have ended or the time is up, whichever comes first. */
    List<Job> await(List<String> jobIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = version();
            // Read outside the lock so slow reads never hold up the listener; the version catches changes meanwhile.
            List<Job> current = current(jobIds);
            long left = deadline - System.nanoTime();
            if (current.stream().allMatch(j -> j.status().isTerminal()) || left <= 0) return current;
            lock.lock();
            try {
                if (version == seen) changed.awaitNanos(left);
            } finally {
                lock.unlock();
            }
        }
    }

    private long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    private List<Job> current(List<String> jobIds) {
        List<Job> result = new ArrayList<>();
        for (String id : jobIds) {
            Optional<Job> job = jobs.find(id);
            job.ifPresent(result::add);
        }
        return result;
    }
}
