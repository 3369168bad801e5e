package dev.autodev.mcp;

import dev.autodev.agents.RunTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server agents call back into, at {@code /mcp} on the app's own port: the official SDK's stateless server
 * (protocol, tools/list, tools/call) behind our own servlet transport and a bearer-token filter. Every
 * {@link McpToolProvider} bean contributes its tools; each run is shown (and may call) those whose {@link Audience}
 * includes it.
 */
@Configuration(proxyBeanMethods = false)
class McpEndpointConfig {

    /** Claude Code shows the tools as {@code mcp__orchestrator__<tool>}; the agents' config files use this name too. */
    static final String SERVER_NAME = "orchestrator";
    static final String PATH = "/mcp";

    /** The protocol's own mapper: the app's fails on unknown properties, and newer clients send new fields. */
    @Bean
    McpJsonMapper mcpJsonMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }

    /** The providers' tools, collected once for both the server and the per-run tool list. */
    @Bean
    ToolCatalog mcpToolCatalog(List<McpToolProvider> providers) {
        return new ToolCatalog(providers);
    }

    @Bean
    StreamableHttpTransport mcpTransport(McpJsonMapper protocolJson, McpProperties properties, ToolCatalog catalog) {
        return new StreamableHttpTransport(protocolJson, properties.heartbeatInterval(), catalog);
    }

    /** Tool results are written with the app's mapper, so they read like the REST API's JSON. */
    @Bean
    McpStatelessSyncServer mcpServer(StreamableHttpTransport transport, ToolCatalog catalog,
                                     McpJsonMapper protocolJson, JsonMapper json, MeterRegistry registry) {
        return McpServer.sync(transport)
                .serverInfo(SERVER_NAME, version())
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .jsonMapper(protocolJson)
                // Tools block for minutes (waits, ask_user); run them on the request's own virtual thread rather than
                // Reactor's bounded pool, which has 10 threads per core and would queue the rest.
                .immediateExecution(true)
                // Handlers check their arguments with ToolArguments, which is more forgiving (a string for a list of
                // one) and answers in words a model acts on; schema validation up front would refuse first.
                .validateToolInputs(false)
                .tools(ToolSpecifications.of(catalog, protocolJson, json, registry))
                .build();
    }

    /** Takes the server so that it has handed the transport its handler before the first request can arrive. */
    @Bean
    ServletRegistrationBean<StreamableHttpTransport> mcpServlet(StreamableHttpTransport transport, McpStatelessSyncServer server) {
        ServletRegistrationBean<StreamableHttpTransport> registration = new ServletRegistrationBean<>(transport, PATH);
        registration.setName("mcp");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BearerAuthFilter> mcpAuthFilter(RunTokens tokens) {
        FilterRegistrationBean<BearerAuthFilter> registration = new FilterRegistrationBean<>(new BearerAuthFilter(tokens));
        registration.addUrlPatterns(PATH, PATH + "/*");
        registration.setName("mcpAuth");
        return registration;
    }

    private static String version() {
        return Optional.ofNullable(McpEndpointConfig.class.getPackage().getImplementationVersion()).orElse("dev");
    }
}
