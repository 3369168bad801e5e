package dev.autodev.debates;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.mcp.Audience;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolArguments;
import dev.autodev.mcp.ToolError;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * submit_verdict: how a debate side ends its turn. Offered only to the runs of a debate's turn jobs (the first answer
 * and the follow-up that asks for a missing verdict); other runs neither see it nor may call it.
 */
@Component
class DebateTools implements McpToolProvider {

    static final int MAX_POSITION_CHARS = 4_000;

    private static final String DESCRIPTION = """
            Ends your turn in the debate: give your verdict on where the two sides stand and your position in a few \
            sentences. Call it once, at the end of your answer; a second call replaces the first.""";
    private static final String SCHEMA = """
            {"type":"object","properties":{
              "verdict":{"type":"string","enum":["agree","disagree","partial"],
                "description":"agree: you agree with the other side's position; partial: in part; disagree: you do not"},
              "position":{"type":"string","description":"your position in a few sentences (at most 4000 characters)"}
            },"required":["verdict","position"]}""";

    private final DebateRepository debates;
    private final ApplicationEventPublisher events;

    DebateTools(DebateRepository debates, ApplicationEventPublisher events) {
        this.debates = debates;
        this.events = events;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(new McpTool("submit_verdict", DESCRIPTION, SCHEMA, this::submit)
                .offeredTo(Audience.of("the runs of a debate's turns", this::isTurn)));
    }

    private boolean isTurn(AgentIdentity caller) {
        return debates.byJobId(caller.jobId()).filter(j -> j.stage() == Stage.TURN).isPresent();
    }

    private Object submit(AgentIdentity caller, JsonNode args) {
        DebateJob turn = debates.byJobId(caller.jobId()).filter(j -> j.stage() == Stage.TURN)
                .orElseThrow(() -> new ToolError("submit_verdict is only for debate turns, and this run is not one"));
        String verdictText = ToolArguments.requiredString(args, "verdict");
        Verdict verdict = Verdict.parse(verdictText);
        if (verdict == null) throw new ToolError("verdict: must be agree, disagree or partial, was " + verdictText);
        String position = ToolArguments.requiredString(args, "position").strip();
        if (position.length() > MAX_POSITION_CHARS) {
            throw new ToolError("position: at most " + MAX_POSITION_CHARS + " characters, was " + position.length());
        }
        debates.setVerdict(caller.jobId(), verdict, position);
        Debate debate = debates.find(turn.debateId()).orElseThrow();
        events.publishEvent(new DebateChanged(debate.id(), debate.status()));
        return new Recorded(true, verdict, turn.round(), turn.side());
    }

    record Recorded(boolean recorded, Verdict verdict, int round, Side side) {}
}
