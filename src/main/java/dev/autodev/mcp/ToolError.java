package dev.autodev.mcp;

/** A tool call that cannot be done as asked; the message goes back to the model as an error result. */
public class ToolError extends RuntimeException {

    public ToolError(String message) {
        super(message);
    }
}
