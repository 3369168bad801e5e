package dev.autodev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodev.agents.AgentIdentity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How a feature's tool becomes an SDK tool: its schema, its caller, its result and its failures. */
class ToolSpecificationsTest {

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final McpJsonMapper PROTOCOL = new JacksonMcpJsonMapper(JSON);
    private static final String SCHEMA = """
            {"type":"object","properties":{"n":{"type":"integer"}}}""";
    private static final AgentIdentity CALLER = new AgentIdentity("run-1", "job-1", "claude-sonnet-4-6", Path.of("/tmp"));

    @Test
    void theHandlerRunsAsTheCallerWithTheArgumentsAndItsResultComesBackAsJsonText() {
        McpTool echo = new McpTool("echo", "Echoes.", SCHEMA, (caller, args) -> Map.of("run", caller.runId(), "n", args.get("n").asInt()));

        CallToolResult result = call(echo, Map.of("n", 3));

        assertThat(result.isError()).isFalse();
        assertThat(JSON.readTree(text(result))).isEqualTo(JSON.readTree("""
                {"run":"run-1","n":3}"""));
    }

    @Test
    void missingArgumentsReachTheHandlerAsAnEmptyObject() {
        McpTool count = new McpTool("count", "Counts arguments.", SCHEMA, (caller, args) -> args.size());

        assertThat(text(call(count, null))).isEqualTo("0");
    }

    @Test
    void theSchemaTextBecomesTheToolsInputSchema() {
        SyncToolSpecification spec = ToolSpecifications.of(new McpTool("t", "d", SCHEMA, (c, a) -> null), PROTOCOL, JSON, METERS);

        assertThat(spec.tool().inputSchema()).containsEntry("type", "object").containsKey("properties");
        assertThat(spec.tool().description()).isEqualTo("d");
    }

    @Test
    void twoToolsWithOneNameStopTheServerFromStarting() {
        McpToolProvider first = () -> List.of(new McpTool("same", "a", SCHEMA, (c, a) -> null));
        McpToolProvider second = () -> List.of(new McpTool("same", "b", SCHEMA, (c, a) -> null));

        assertThatThrownBy(() -> new ToolCatalog(List.of(first, second)))
                .hasMessageContaining("two MCP tools are named same");
    }

    @Test
    void aToolNotOfferedToTheCallerIsRefusedSayingWhoItIsFor() {
        McpTool onlyOthers = new McpTool("mine", "m", SCHEMA, (c, a) -> "ran")
                .offeredTo(Audience.of("the runs of job-2", caller -> caller.jobId().equals("job-2")));

        CallToolResult result = call(onlyOthers, Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("mine is only for the runs of job-2, and this run is not one");
    }

    @Test
    void aRunIsListedOnlyTheToolsItIsOffered() {
        McpTool everyone = new McpTool("everyone", "e", SCHEMA, (c, a) -> null);
        McpTool job1 = new McpTool("job1", "j", SCHEMA, (c, a) -> null).offeredTo(Audience.of("job 1", c -> c.jobId().equals("job-1")));
        McpTool job2 = new McpTool("job2", "j", SCHEMA, (c, a) -> null).offeredTo(Audience.of("job 2", c -> c.jobId().equals("job-2")));
        ToolCatalog catalog = new ToolCatalog(List.of(() -> List.of(everyone, job1, job2)));
        List<Tool> all = ToolSpecifications.of(catalog, PROTOCOL, JSON, METERS).stream()
                .map(SyncToolSpecification::tool).toList();

        var listed = catalog.visibleTo(CALLER, new ListToolsResult(all, null));

        assertThat(listed.tools()).extracting(Tool::name).containsExactly("everyone", "job1");
    }

    @Test
    void aSchemaThatIsNotJsonStopsTheServerFromStarting() {
        McpTool broken = new McpTool("broken", "b", "{not json", (c, a) -> null);

        assertThatThrownBy(() -> ToolSpecifications.of(broken, PROTOCOL, JSON, METERS)).hasMessageContaining("broken");
    }

    @Test
    void longBugMessagesAreCutShort() {
        McpTool bug = new McpTool("bug", "b", SCHEMA, (c, a) -> {
            throw new IllegalArgumentException("x".repeat(1000));
        });

        CallToolResult result = call(bug, Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).startsWith("internal error in bug: IllegalArgumentException: xxx").hasSizeLessThan(260);
    }

    private static CallToolResult call(McpTool tool, Map<String, Object> arguments) {
        SyncToolSpecification spec = ToolSpecifications.of(tool, PROTOCOL, JSON, METERS);
        McpTransportContext context = McpTransportContext.create(Map.of(Callers.KEY, CALLER));
        return spec.callHandler().apply(context, new CallToolRequest(tool.name(), arguments));
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().getFirst()).text();
    }
}
