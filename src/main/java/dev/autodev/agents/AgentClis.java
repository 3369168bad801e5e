package dev.autodev.agents;

import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the CLI that runs a model. */
@Component
public class AgentClis {

    private final List<AgentCli> clis;

    AgentClis(List<AgentCli> clis) {
        this.clis = clis;
    }

    /** The kinds of CLI this server can run ({@code claude}, {@code codex}). */
    public List<String> kinds() {
        return clis.stream().map(AgentCli::kind).toList();
    }

    public AgentCli forModel(String model) {
        return clis.stream().filter(cli -> cli.supports(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent CLI runs model " + model));
    }
}
