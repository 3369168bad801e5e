package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the features' {@link McpTool}s into SDK tool specifications: the caller comes from the transport context,
 * the arguments become a {@link JsonNode}, and whatever the handler returns or throws becomes a tool result the
 * model can read. Failures never become protocol errors, because a model reads a tool result but not an error.
 */
final class ToolSpecifications {

    private static final Logger log = LoggerFactory.getLogger(ToolSpecifications.class);

    private ToolSpecifications() {}

    /** Every tool of the catalog. */
    static List<SyncToolSpecification> of(ToolCatalog catalog, McpJsonMapper protocolJson, JsonMapper json,
                                          MeterRegistry registry) {
        return catalog.tools().stream().map(tool -> of(tool, protocolJson, json, registry)).toList();
    }

    /** Each call is timed as {@code autodev.mcp.calls{tool,outcome}}, outcome {@code ok} or {@code error}. */
    static SyncToolSpecification of(McpTool tool, McpJsonMapper protocolJson, JsonMapper json, MeterRegistry registry) {
        Tool definition;
        try {
            definition = Tool.builder(tool.name()).description(tool.description())
                    .inputSchema(protocolJson, tool.inputSchema()).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("MCP tool " + tool.name() + " has an input schema that is not valid JSON", e);
        }
        Timer ok = callTimer(registry, tool.name(), "ok");
        Timer error = callTimer(registry, tool.name(), "error");
        return new SyncToolSpecification(definition, (context, request) -> {
            long started = System.nanoTime();
            CallToolResult result = call(tool, context, request, json);
            (Boolean.TRUE.equals(result.isError()) ? error : ok).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        });
    }

    private static Timer callTimer(MeterRegistry registry, String tool, String outcome) {
        return Timer.builder("autodev.mcp.calls").description("MCP tool calls agents made, by tool")
                .tags("tool", tool, "outcome", outcome).register(registry);
    }

    private static CallToolResult call(McpTool tool, McpTransportContext context, CallToolRequest request, JsonMapper json) {
        AgentIdentity caller = Callers.of(context);
        if (!tool.audience().includes(caller)) {
            // Not in this run's tools/list; a client that calls it anyway hears who it is for.
            return text(tool.name() + " is only for " + tool.audience().description() + ", and this run is not one", true);
        }
        try {
            JsonNode arguments = request.arguments() == null ? json.createObjectNode() : json.valueToTree(request.arguments());
            Object result = tool.handler().call(caller, arguments);
            return text(json.writeValueAsString(result), false);
        } catch (ToolError e) {
            return text(e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return text("interrupted: the orchestrator is shutting down", true);
        } catch (Exception e) {
            log.warn("MCP tool {} failed for run {}", tool.name(), caller.runId(), e);
            return text("internal error in " + tool.name() + ": " + shortMessage(e), true);
        }
    }

    /** Enough for the model to tell a bug from a refusal, without a stack trace or a page of SQL. */
    private static String shortMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() <= 200 ? message : message.substring(0, 200) + "...";
    }

    private static CallToolResult text(String text, boolean isError) {
        return CallToolResult.builder().addTextContent(text).isError(isError).build();
    }
}
