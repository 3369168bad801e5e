package dev.autodev.agents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the complete lines a process has appended to its output file since the last call. A line still being
 * written (no newline yet) waits for the next call, so no JSON object is ever read half-way.
 */
public final class OutputTail implements AutoCloseable {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public OutputTail(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    public List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            buffer.clear();
            int read = channel.read(buffer);
            if (read <= 0) break;
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(b);
                }
            }
        }
        return lines;
    }

    /** Whatever is left without a final newline, once the process is gone and nothing more will come. */
    String remainder() {
        String rest = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        return rest;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
