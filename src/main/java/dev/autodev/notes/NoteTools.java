package dev.autodev.notes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.ApiException;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolArguments;
import dev.autodev.mcp.ToolError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The scratchpad as MCP tools: write_note, read_note, list_notes and watch_notes. */
@Component
class NoteTools implements McpToolProvider {

    private final NoteService notes;

    NoteTools(NoteService notes) {
        this.notes = notes;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(
                new McpTool("write_note", NoteToolTexts.WRITE, NoteToolTexts.WRITE_SCHEMA, this::write),
                new McpTool("read_note", NoteToolTexts.READ, NoteToolTexts.READ_SCHEMA, this::read),
                new McpTool("list_notes", NoteToolTexts.LIST, NoteToolTexts.LIST_SCHEMA, this::list),
                new McpTool("watch_notes", NoteToolTexts.WATCH, NoteToolTexts.WATCH_SCHEMA, this::watch));
    }

    private Object write(AgentIdentity caller, JsonNode args) {
        String key = ToolArguments.requiredString(args, "key");
        String value = ToolArguments.optionalString(args, "value");
        if (value == null) throw new ToolError("value: required, a string (it may be empty)");
        Note note = refusalsAsToolErrors(() -> notes.write(caller, key, value));
        return new Written(true, note.key(), note.updatedAt());
    }

    private Object read(AgentIdentity caller, JsonNode args) {
        String key = ToolArguments.requiredString(args, "key");
        return refusalsAsToolErrors(() -> notes.read(key))
                .map(n -> new ReadResult(true, n.key(), n.value(), n.writtenByRunId(), n.updatedAt()))
                .orElseGet(() -> new ReadResult(false, key, null, null, null));
    }

    private Object list(AgentIdentity caller, JsonNode args) {
        String prefix = ToolArguments.optionalString(args, "prefix");
        List<Note> found = refusalsAsToolErrors(() -> notes.list(prefix));
        return new Listed(found.size(), found);
    }

    private Object watch(AgentIdentity caller, JsonNode args) throws InterruptedException {
        List<String> keys = ToolArguments.stringList(args, "keys", false);
        String prefix = ToolArguments.optionalString(args, "prefix");
        String untilValue = ToolArguments.optionalString(args, "until_value");
        Long timeoutMs = ToolArguments.optionalLong(args, "timeout_ms");
        Duration timeout = timeoutMs == null ? null : Duration.ofMillis(timeoutMs);
        try {
            return notes.watch(keys, prefix, untilValue, timeout);
        } catch (ApiException e) {
            throw toolError(e);
        }
    }

    private static <T> T refusalsAsToolErrors(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw toolError(e);
        }
    }

    /** The service names the field at fault; the model sees the same "field: reason" as for any bad argument. */
    private static ToolError toolError(ApiException e) {
        String field = e instanceof ApiException.BadRequest bad ? bad.field() + ": " : "";
        return new ToolError(field + e.getMessage());
    }

    record Written(boolean written, String key, Instant updatedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReadResult(boolean found, String key, String value, String writtenByRunId, Instant updatedAt) {}

    record Listed(int count, List<Note> notes) {}
}
