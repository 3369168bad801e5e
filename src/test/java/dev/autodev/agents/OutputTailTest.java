package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTailTest {

    @TempDir
    Path dir;

    @Test
    void aLineIsReadOnlyOnceItIsComplete() throws Exception {
        Path file = dir.resolve("out.ndjson");
        Files.writeString(file, "{\"a\":1}\n{\"b\":");
        try (OutputTail tail = new OutputTail(file)) {
            assertThat(tail.readLines()).containsExactly("{\"a\":1}");
            assertThat(tail.readLines()).isEmpty();

            Files.writeString(file, "2}\n", StandardOpenOption.APPEND);
            assertThat(tail.readLines()).containsExactly("{\"b\":2}");
        }
    }

    @Test
    void multiByteCharactersSplitAcrossReadsSurvive() throws Exception {
        Path file = dir.resolve("out.ndjson");
        byte[] text = "héllo ✓\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(text, 3));
        try (OutputTail tail = new OutputTail(file)) {
            assertThat(tail.readLines()).isEmpty();
            Files.write(file, java.util.Arrays.copyOfRange(text, 3, text.length), StandardOpenOption.APPEND);
            assertThat(tail.readLines()).containsExactly("héllo ✓");
        }
    }

    @Test
    void theRemainderIsWhatHadNoNewline() throws Exception {
        Path file = dir.resolve("out.ndjson");
        Files.writeString(file, "done\nhalf");
        try (OutputTail tail = new OutputTail(file)) {
            tail.readLines();
            assertThat(tail.remainder()).isEqualTo("half");
        }
    }
}
