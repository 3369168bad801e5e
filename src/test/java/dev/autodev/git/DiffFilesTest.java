package dev.autodev.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.git.Changes.FileChange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading {@code git diff -z --name-status} and {@code -z --numstat} into one entry per file. */
class DiffFilesTest {

    // As git 2.39 prints them for: a.txt edited, b.bin new and binary, d.txt deleted, r.txt renamed, u.txt untracked.
    private static final String NAME_STATUS = "M\0a.txt\0A\0b.bin\0D\0d.txt\0R086\0r.txt\0r2.txt\0A\0u.txt\0";
    private static final String NUMSTAT = "2\t0\ta.txt\0-\t-\tb.bin\0" + "0\t1\td.txt\0" + "1\t1\t\0r.txt\0r2.txt\0" + "1\t0\tu.txt\0";

    @Test
    void eachFileGetsItsStatusAndLineCounts() {
        List<FileChange> files = DiffFiles.parse(NAME_STATUS, NUMSTAT, Set.of("u.txt"));

        assertThat(files).containsExactly(
                new FileChange("a.txt", null, "modified", 2, 0, false, false),
                new FileChange("b.bin", null, "added", null, null, true, false),
                new FileChange("d.txt", null, "deleted", 0, 1, false, false),
                new FileChange("r2.txt", "r.txt", "renamed", 1, 1, false, false),
                new FileChange("u.txt", null, "added", 1, 0, false, true));
    }

    @Test
    void pathsKeepTabsSpacesAndNonAsciiCharacters() {
        String name = "dir with space/na\tme-é.txt";

        List<FileChange> files = DiffFiles.parse("M\0" + name + "\0", "3\t4\t" + name + "\0", Set.of());

        assertThat(files).containsExactly(new FileChange(name, null, "modified", 3, 4, false, false));
    }

    @Test
    void anOutputCutInTheMiddleOfAnEntryLeavesThatEntryOut() {
        List<FileChange> files = DiffFiles.parse("M\0a.txt\0R100\0old.txt\0", "2\t0\ta.txt\0" + "0\t0\t\0old.txt\0", Set.of());

        assertThat(files).extracting(FileChange::path).containsExactly("a.txt");
    }

    @Test
    void aFileMissingFromTheCountsHasNoCountsAndIsNotCalledBinary() {
        List<FileChange> files = DiffFiles.parse("T\0link\0C75\0a.txt\0copy.txt\0", "", Set.of());

        assertThat(files).containsExactly(
                new FileChange("link", null, "modified", null, null, false, false),
                new FileChange("copy.txt", null, "added", null, null, false, false));
    }

    @Test
    void noChangesAreNoFiles() {
        assertThat(DiffFiles.parse("", "", Set.of())).isEmpty();
    }
}
