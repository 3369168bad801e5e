package dev.autodev.agents;

/**
 * What the small model said, or why it said nothing.
 *
 * @param text    the answer text; null when the call failed
 * @param error   why there is no answer (the CLI failed, timed out or reported an error); null on success
 * @param costUsd what the call cost, as the CLI reported it (recorded as system spend)
 */
public record SmallModelAnswer(String text, String error, double costUsd) {

    public boolean ok() {
        return error == null;
    }

    static SmallModelAnswer failed(String error) {
        return new SmallModelAnswer(null, error, 0);
    }
}
