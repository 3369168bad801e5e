package dev.autodev.agents;

import java.util.List;
import java.util.Optional;

/** Reads one run's output, line by line, into events and running totals. */
public interface OutputParser {

    /** The events in one line of output; a line that is not the CLI's format becomes a {@link EventType#RAW} event. */
    List<ParsedEvent> parse(String line);

    /** Totals so far: session id, turns, tokens, cost. */
    RunProgress progress();

    /** The CLI's final summary, once it has printed one. */
    Optional<FinalResult> result();

    /** The last error the output mentioned, used to explain a run that ended without a summary. */
    Optional<String> lastError();
}
