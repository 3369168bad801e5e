package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import java.util.function.Predicate;

/**
 * Which runs a tool is offered to. Each agent calls with its own run's token, so the server knows who asks:
 * {@code tools/list} shows a run only the tools whose audience includes it, and a call to any other tool is refused
 * with a tool error that says who the tool is for. Most tools are for every run; a feature narrows one when it only
 * makes sense inside that feature's runs (a debate's verdict), so other agents neither see it nor waste a turn on it.
 */
public interface Audience {

    /** Whether {@code caller} is offered the tool. Asked on every tools/list and tools/call: keep it a quick lookup. */
    boolean includes(AgentIdentity caller);

    /** Who the tool is for, as a refusal says it: "the runs of a debate's turns". */
    String description();

    /** The default: every run with a valid token. */
    Audience EVERY_RUN = of("every run", caller -> true);

    static Audience of(String description, Predicate<AgentIdentity> includes) {
        return new Audience() {
            @Override
            public boolean includes(AgentIdentity caller) {
                return includes.test(caller);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
