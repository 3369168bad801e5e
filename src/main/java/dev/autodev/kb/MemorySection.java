package dev.autodev.kb;

import dev.autodev.jobs.Job;
import dev.autodev.queue.PromptMemory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Memory in every prompt: the approved entries most relevant to a job's task (bm25 over its title and description),
 * the job's project's first, then global ones, under {@code ## Memory}, within the configured size. Choosing only
 * reads; each entry used is counted as injected once the job has started ({@link InjectionCounts}).
 */
@Component
class MemorySection implements PromptMemory {

    private static final Logger log = LoggerFactory.getLogger(MemorySection.class);
    static final String HEADING = "## Memory";
    private static final String INTRO = "What earlier jobs learned that may help here (this project's first, then "
            + "general ones). Use what applies; it may be out of date.\n";
    private static final int TASK_CHARS = 4000;

    private final KbRepository entries;
    private final TellingWords tellingWords;
    private final ProjectKeys projects;
    private final KbProperties properties;
    private final InjectionCounts injections;

    MemorySection(KbRepository entries, TellingWords tellingWords, ProjectKeys projects, KbProperties properties,
                  InjectionCounts injections) {
        this.entries = entries;
        this.injections = injections;
        this.tellingWords = tellingWords;
        this.projects = projects;
        this.properties = properties;
    }

    @Override
    public String sectionFor(Job job) {
        if (properties.memoryChars() == 0) return "";
        try {
            List<KbEntry> chosen = select(job);
            String section = render(chosen);
            if (!section.isEmpty()) injections.chosen(job.id(), usedIds(chosen, section));
            return section;
        } catch (Exception e) {
            // A job runs without memory rather than not at all.
            log.warn("could not choose memory for job {}", job.id(), e);
            return "";
        }
    }

    /** The candidates, best first: the project's, then global. */
    List<KbEntry> select(Job job) {
        String task = job.title() + "\n" + job.description();
        if (task.length() > TASK_CHARS) task = task.substring(0, TASK_CHARS);
        String match = tellingWords.queryFor(task);
        if (match.isEmpty()) return List.of();
        return entries.memory(match, projects.of(job), properties.memoryEntries());
    }

    /** The section within the size limit; entries that do not fit are left out, a first one too long is cut. */
    String render(List<KbEntry> chosen) {
        if (chosen.isEmpty()) return "";
        int limit = properties.memoryChars();
        StringBuilder section = new StringBuilder(HEADING).append('\n').append(INTRO);
        int before = section.length();
        for (KbEntry entry : chosen) {
            String block = "\n### " + entry.title() + (entry.scope() == KbScope.GLOBAL ? " (general)" : "") + "\n"
                    + entry.content().strip() + "\n";
            if (section.length() + block.length() <= limit) {
                section.append(block);
            } else if (section.length() == before && limit - section.length() > 80) {
                section.append(block, 0, limit - section.length() - 1).append('…');
                break;
            }
        }
        return section.length() == before ? "" : section.toString();
    }

    private static List<String> usedIds(List<KbEntry> chosen, String section) {
        return chosen.stream().filter(e -> section.contains("\n### " + e.title())).map(KbEntry::id).toList();
    }
}
