package dev.autodev.git;

import static dev.autodev.testsupport.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.testsupport.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the checked-out commit from git's files agrees with {@code git rev-parse HEAD} in every layout git writes. */
class HeadCommitTest {

    @TempDir
    Path temp;
    private Path checkout;

    @BeforeEach
    void repository() {
        checkout = GitRepos.cloneWithInitialCommit(temp).checkout();
    }

    @Test
    void aBranchAsALooseRefFromTheRootOrASubfolder() throws Exception {
        Path sub = Files.createDirectories(checkout.resolve("src/deep"));

        assertThat(HeadCommit.of(checkout)).isEqualTo(certain(head(checkout)));
        assertThat(HeadCommit.of(sub)).isEqualTo(certain(head(checkout)));
    }

    @Test
    void aBranchOnlyInPackedRefs() {
        git(checkout, "pack-refs", "--all");
        assertThat(Files.exists(checkout.resolve(".git/refs/heads/main"))).isFalse();

        assertThat(HeadCommit.of(checkout)).isEqualTo(certain(head(checkout)));
    }

    @Test
    void aDetachedHead() throws Exception {
        String first = head(checkout);
        Files.writeString(checkout.resolve("b.txt"), "b\n");
        git(checkout, "add", "-A");
        git(checkout, "commit", "-q", "-m", "second");
        git(checkout, "checkout", "-q", "--detach", first);

        assertThat(HeadCommit.of(checkout)).isEqualTo(certain(first));
    }

    @Test
    void aLinkedWorktreeOnItsOwnBranchAfterTheMainCheckoutMovedOn() throws Exception {
        Path tree = temp.resolve("tree");
        git(checkout, "worktree", "add", "-q", "-b", "side", tree.toString());
        Files.writeString(tree.resolve("side.txt"), "side\n");
        git(tree, "add", "-A");
        git(tree, "commit", "-q", "-m", "on the side");
        git(checkout, "pack-refs", "--all");

        assertThat(HeadCommit.of(tree)).isEqualTo(certain(head(tree)));
        assertThat(HeadCommit.of(checkout)).isEqualTo(certain(head(checkout)));
        assertThat(head(tree)).isNotEqualTo(head(checkout));
    }

    @Test
    void aFolderOutsideAnyRepositoryIsSurelyNone() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        // The temporary folder may itself sit inside a repository; then that one's HEAD is the answer.
        assertThat(HeadCommit.of(plain).certain()).isTrue();
    }

    @Test
    void aRepositoryWithoutACommitIsLeftToGit() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        git(empty, "init", "-q");

        assertThat(HeadCommit.of(empty)).isEqualTo(HeadCommit.Read.UNSURE);
    }

    @Test
    void aDotGitFileThatNamesNoFolderIsLeftToGit() throws Exception {
        Path odd = Files.createDirectories(temp.resolve("odd"));
        Files.writeString(odd.resolve(".git"), "not a pointer\n");

        assertThat(HeadCommit.of(odd)).isEqualTo(HeadCommit.Read.UNSURE);
    }

    private static HeadCommit.Read certain(String commit) {
        return new HeadCommit.Read(java.util.Optional.of(commit), true);
    }

    private static String head(Path dir) {
        return git(dir, "rev-parse", "HEAD").strip();
    }
}
