package dev.autodev.web.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.AgentRun;
import dev.autodev.debates.Debate;
import dev.autodev.jobs.Job;
import dev.autodev.kb.KbEntry;
import dev.autodev.locks.FileLock;
import dev.autodev.notes.Note;
import dev.autodev.questions.Question;
import dev.autodev.settings.Settings;
import dev.autodev.workflows.WorkflowView;
import java.util.List;

/**
 * One item of a live frame. Every item carries the fresh row (not a diff), so applying one twice, or after a
 * snapshot that already had it, does no harm. The {@code type} field tells the browser which record it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface LiveMessage {

    String type();

    /** A frame: everything that changed in one flush interval, numbered so a client can tell how far it got. */
    record Frame(long version, List<LiveMessage> messages) {}

    record JobMessage(Job job) implements LiveMessage {
        @JsonProperty public String type() { return "job"; }
    }

    record RunMessage(AgentRun run) implements LiveMessage {
        @JsonProperty public String type() { return "run"; }
    }

    /** New output of a run; {@code more} means there were more events than fit, to be read over REST. */
    record OutputMessage(String runId, List<AgentEvent> events, boolean more) implements LiveMessage {
        @JsonProperty public String type() { return "output"; }
    }

    record QuestionMessage(Question question) implements LiveMessage {
        @JsonProperty public String type() { return "question"; }
    }

    record LocksMessage(List<FileLock> locks) implements LiveMessage {
        @JsonProperty public String type() { return "locks"; }
    }

    record NoteMessage(Note note) implements LiveMessage {
        @JsonProperty public String type() { return "note"; }
    }

    /** A knowledge-base entry as it is now (added or changed). */
    record KbEntryMessage(KbEntry entry) implements LiveMessage {
        @JsonProperty public String type() { return "kbEntry"; }
    }

    /** A knowledge-base entry that is gone (deleted, or merged into another). */
    record KbEntryRemovedMessage(String entryId) implements LiveMessage {
        @JsonProperty public String type() { return "kbEntryRemoved"; }
    }

    record SettingsMessage(Settings settings) implements LiveMessage {
        @JsonProperty public String type() { return "settings"; }
    }

    /** A debate's row as {@code GET /api/debates} lists it; its page reads the rounds again when it sees one. */
    record DebateMessage(Debate debate) implements LiveMessage {
        @JsonProperty public String type() { return "debate"; }
    }

    /** A workflow as {@code GET /api/workflows} lists it (milestones and cost, no steps or jobs). */
    record WorkflowMessage(WorkflowView workflow) implements LiveMessage {
        @JsonProperty public String type() { return "workflow"; }
    }
}
