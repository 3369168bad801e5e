package dev.autodev.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import reactor.core.publisher.Mono;

/**
 * Answers {@code tools/list} per run: the SDK's stateless server has one tool list for everyone, so its answer is
 * narrowed here to the tools the calling run is offered ({@link Audience}). Calls are checked where they run
 * ({@link ToolSpecifications}), so a client that calls a tool it was not shown is refused there.
 */
final class PerRunToolList implements McpStatelessServerHandler {

    private final McpStatelessServerHandler server;
    private final ToolCatalog catalog;

    PerRunToolList(McpStatelessServerHandler server, ToolCatalog catalog) {
        this.server = server;
        this.catalog = catalog;
    }

    @Override
    public Mono<JSONRPCResponse> handleRequest(McpTransportContext context, JSONRPCRequest request) {
        Mono<JSONRPCResponse> answer = server.handleRequest(context, request);
        if (!McpSchema.METHOD_TOOLS_LIST.equals(request.method())) return answer;
        return answer.map(response -> narrowed(context, response));
    }

    private JSONRPCResponse narrowed(McpTransportContext context, JSONRPCResponse response) {
        if (response.error() != null) return response;
        if (response.result() instanceof ListToolsResult all) {
            return new JSONRPCResponse(response.jsonrpc(), response.id(), catalog.visibleTo(Callers.of(context), all), null);
        }
        // Never hand out the unfiltered list: an SDK that answered in another shape would otherwise show every tool.
        return JSONRPCResponse.error(response.id(), new JSONRPCError(ErrorCodes.INTERNAL_ERROR,
                "internal error: tools/list answered " + (response.result() == null ? "nothing" : response.result().getClass().getSimpleName())));
    }

    @Override
    public Mono<Void> handleNotification(McpTransportContext context, JSONRPCNotification notification) {
        return server.handleNotification(context, notification);
    }
}
