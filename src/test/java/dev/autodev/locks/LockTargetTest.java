package dev.autodev.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockTargetTest {

    @TempDir
    Path temp;
    Path work;

    @BeforeEach
    void realWorkDir() throws IOException {
        work = temp.toRealPath(); // what the registry stores, even where the temp dir sits behind a link
    }

    @Test
    void relativePathsResolveAgainstTheWorkDirWithDotsRemoved() {
        LockTarget target = LockTarget.parse("a/./b/../c.txt", work);

        assertThat(target).isEqualTo(new LockTarget(work.resolve("a/c.txt"), false));
        assertThat(LockTarget.parse(work + "/a//c.txt", Path.of("/elsewhere"))).isEqualTo(target);
    }

    @Test
    void theCheckoutPrefixMakesADirectoryLock() {
        LockTarget target = LockTarget.parse("checkout::src/", work);

        assertThat(target.directory()).isTrue();
        assertThat(target.path()).isEqualTo(work.resolve("src"));
        assertThat(target.display()).isEqualTo("checkout::" + work.resolve("src"));
    }

    @Test
    void aDirectoryOverlapsWhatIsBelowItButNotItsNeighbours() {
        LockTarget dir = LockTarget.parse("checkout::src/main", work);

        assertThat(dir.overlaps(LockTarget.parse("src/main/A.java", work))).isTrue();
        assertThat(dir.overlaps(LockTarget.parse("checkout::src", work))).isTrue();
        assertThat(dir.overlaps(LockTarget.parse("src/mainframe.txt", work))).isFalse();
        assertThat(LockTarget.parse("src/main", work).overlaps(LockTarget.parse("src/main/A.java", work))).isFalse();
    }

    @Test
    void aPathThroughASymbolicLinkIsTheSameLockAsTheRealPath() throws IOException {
        Path real = Files.createDirectories(work.resolve("real"));
        Path link = Files.createSymbolicLink(work.resolve("link"), real);

        assertThat(LockTarget.parse(link + "/new/File.java", work)).isEqualTo(LockTarget.parse(real + "/new/File.java", work));
    }

    @Test
    void blankPathsAndEmptyDirectoriesAreRefused() {
        assertThatThrownBy(() -> LockTarget.parse(" ", work)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LockTarget.parse("checkout::", work)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LockTarget.parse("x.txt", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
