package dev.autodev.kb;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The knowledge base: how much memory a prompt gets, whether new entries wait for a person, and how often
 * near-duplicates are merged.
 *
 * @param memoryChars          the most characters of the {@code ## Memory} section added to a job's prompt
 *                             (default 4,000; 0 turns memory off)
 * @param memoryEntries        the most entries in that section (default 8)
 * @param requireApproval      new entries from triage wait as {@code pending} until a person approves them, and only
 *                             approved entries reach prompts (default false); the KB settings endpoint changes it
 *                             while the server runs
 * @param triage               whether reported learnings are triaged by the small model after a job ends (default
 *                             true); without it, or when the small model fails, they are kept as reported
 * @param consolidateInterval  how often near-duplicate entries are merged in the background (default 6 h; 0 = never)
 * @param consolidateMaxGroups the most groups one consolidation pass merges (default 20), bounding its small-model
 *                             calls
 */
@ConfigurationProperties("autodev.kb")
public record KbProperties(Integer memoryChars, Integer memoryEntries, boolean requireApproval, Boolean triage,
                           Duration consolidateInterval, Integer consolidateMaxGroups) {

    public KbProperties {
        if (memoryChars == null || memoryChars < 0) memoryChars = 4000;
        if (memoryEntries == null || memoryEntries < 1) memoryEntries = 8;
        if (triage == null) triage = true;
        if (consolidateInterval == null || consolidateInterval.isNegative()) consolidateInterval = Duration.ofHours(6);
        if (consolidateMaxGroups == null || consolidateMaxGroups < 1) consolidateMaxGroups = 20;
    }
}
