package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Staged outputs replace the previous ones only when committed, and leave no staging directory. */
class StagedOutputsTest {

    private static Path freshDir(String name) throws IOException {
        Path dir = Path.of("target", "staged-outputs-test", name);
        if (Files.exists(dir)) {
            try (var all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    @Test
    void committedFilesReplaceThePreviousOnes() throws IOException {
        Path dir = freshDir("commit");
        Path result = Files.writeString(dir.resolve("result.csv"), "old\n");
        try (StagedOutputs staged = StagedOutputs.in(dir)) {
            Files.writeString(staged.stage(result), "new\n");
            assertEquals("old\n", Files.readString(result), "not replaced before commit");
            staged.commit();
            assertFalse(Files.exists(staged.directory()));
        }
        assertEquals("new\n", Files.readString(result));
    }

    @Test
    void abandonedFilesLeaveThePreviousOnesAndNoStagingDirectory() throws IOException {
        Path dir = freshDir("abandon");
        Path result = Files.writeString(dir.resolve("result.csv"), "old\n");
        Path staging;
        try (StagedOutputs staged = StagedOutputs.in(dir)) {
            staging = staged.directory();
            Files.writeString(staged.stage(result), "half a li");
            Files.createDirectories(staging.resolve("flink-tmp").resolve("blobs"));
        }
        assertEquals("old\n", Files.readString(result));
        assertFalse(Files.exists(staging));
    }

    @Test
    void aMissingOutputFailsTheCommitAndReplacesNothing() throws IOException {
        Path dir = freshDir("missing");
        Path a = Files.writeString(dir.resolve("a.txt"), "old a\n");
        Path b = dir.resolve("b.txt");
        try (StagedOutputs staged = StagedOutputs.in(dir)) {
            Files.writeString(staged.stage(a), "new a\n");
            staged.stage(b);
            IOException e = assertThrows(IOException.class, staged::commit);
            assertEquals(true, e.getMessage().contains("b.txt was not written"), e.getMessage());
        }
        assertEquals("old a\n", Files.readString(a));
        assertFalse(Files.exists(b));
    }
}
