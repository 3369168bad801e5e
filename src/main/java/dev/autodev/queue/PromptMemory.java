package dev.autodev.queue;

import dev.autodev.jobs.Job;

/**
 * What earlier jobs learned, for a job about to start: a prompt section appended to the job's first prompt. The
 * queue owns this interface and the knowledge base implements it, so the queue knows nothing of how it is chosen.
 */
public interface PromptMemory {

    /**
     * The section to append to the prompt of the job's fresh run (starting with a {@code ## Memory} heading), or an
     * empty string for none. Called just before the job is claimed, outside the claiming transaction (so it should
     * only read), possibly for a job another caller then claims first; it must be quick and must not throw.
     */
    String sectionFor(Job job);
}
