package dev.autodev.agents;

/**
 * One agent command-line tool (Claude Code, Codex). An implementation knows how to build the command for a run and
 * how to read the tool's own output format into the shared {@link EventType} records; everything else (process
 * groups, output files, recording, stopping) is the same for every CLI and lives in {@link RunSupervisor}.
 */
public interface AgentCli {

    /** Short name stored on each run, e.g. {@code claude}. */
    String kind();

    /** Whether this CLI runs the given model. */
    boolean supports(String model);

    /** The command for one run: program and arguments, environment additions and working directory. */
    LaunchCommand command(LaunchRequest request);

    /**
     * Whether a process of this CLI can be started before its run is known ({@link WarmStarts}): it reads the prompt
     * from stdin only once its own start-up is done, and what it reads before that (arguments, environment, the
     * working directory) is the same for every fresh run of one model, work dir and limits, the run's token and
     * session id aside, which the warm start brings and the run takes over.
     */
    default boolean startsAhead() {
        return false;
    }

    /**
     * Whether the CLI itself stops a run that has used its {@code maxTurns}. When it does not, the supervisor stops
     * the run as soon as its output shows a turn past the cap.
     */
    default boolean stopsAtTurnLimit() {
        return true;
    }

    /**
     * What a person should check when the model provider refuses this CLI's credentials (HTTP 401 or 403): where its
     * API key comes from and how to log the CLI in. Ends the error message of a run stopped as {@link StopReason#AUTH_FAILED}.
     */
    String credentialsHint();

    /**
     * The command that runs this CLI's own terminal UI for an interactive session, with {@code prompt} as the first
     * message, connected to the orchestrator as a batch run is (MCP, token, lock hook, guide) plus the session hook
     * that reports idle and busy. Empty when the CLI has no terminal UI the orchestrator can drive.
     */
    default java.util.Optional<InteractiveCommand> interactiveCommand(LaunchRequest request, String prompt) {
        return java.util.Optional.empty();
    }

    /**
     * Where the CLI's terminal UI writes the transcript of the request's conversation (see
     * {@link InteractiveCommand#transcript()}), for a session taken over after a restart; empty when none is read.
     */
    default java.util.Optional<InteractiveTranscript> interactiveTranscript(LaunchRequest request) {
        return java.util.Optional.empty();
    }

    /**
     * A fresh parser for the transcript of an interactive run ({@link InteractiveCommand#transcript()}): the same
     * events, turns, tokens and cost as the batch parser gives, from the terminal UI's own file format. Lines that are
     * only the UI's bookkeeping give no events.
     */
    default OutputParser newTranscriptParser(LaunchRequest request) {
        return newParser(request);
    }

    /**
     * What the CLI itself recorded for an interactive session once it has exited: its own cost and token totals, which
     * then replace the transcript's estimate ({@code fromTranscript}: the totals read so far). Empty when the CLI keeps
     * none for this session.
     */
    default java.util.Optional<RunProgress> interactiveTotals(LaunchRequest request, RunProgress fromTranscript) {
        return java.util.Optional.empty();
    }

    /** A fresh parser for one run's output; parsers keep running totals, so they are never shared. */
    OutputParser newParser();

    /** A fresh parser for the run {@code request} starts; a CLI whose totals depend on the run overrides this. */
    default OutputParser newParser(LaunchRequest request) {
        return newParser();
    }
}
