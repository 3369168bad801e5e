package dev.autodev.debates;

import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.util.Map;

/** How the scripted models play a debate side: Claude calls submit_verdict directly, Codex finds it by search first. */
final class DebateScripts {

    private DebateScripts() {}

    static Step[] claudeSays(String verdict, String position, String answer) {
        return new Step[] {
            Step.toolUse("mcp__orchestrator__submit_verdict", Map.of("verdict", verdict, "position", position)),
            Step.text(answer)
        };
    }

    static ResponseStep[] codexSays(String verdict, String position, String answer) {
        return new ResponseStep[] {
            ResponseStep.toolSearch("submit a verdict in the debate"),
            ResponseStep.mcpTool("submit_verdict", Map.of("verdict", verdict, "position", position)),
            ResponseStep.text(answer)
        };
    }
}
