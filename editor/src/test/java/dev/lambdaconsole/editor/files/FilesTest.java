package dev.lambdaconsole.editor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesTest {

    @TempDir
    Path dir;

    @Test
    void atomicWriteReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("handler.py");
        Files.writeString(file, "old");
        AtomicFiles.write(file, "new text\n");
        assertThat(file).hasContent("new text");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void atomicWriteKeepsPermissions() throws IOException {
        Path script = dir.resolve("bootstrap");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.write(script, "#!/bin/sh\necho hi\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x---");
    }

    @Test
    void atomicWriteCreatesANewFile() throws IOException {
        AtomicFiles.write(dir.resolve("new.json"), "{}");
        assertThat(dir.resolve("new.json")).hasContent("{}");
    }

    @Test
    void namesMayNotLeaveTheFolder() {
        assertThatThrownBy(() -> FileOperations.createFile(dir, "../escape.txt")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FileOperations.createFile(dir, "  ")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FileOperations.createFolder(dir, "..")).isInstanceOf(IOException.class);
    }

    @Test
    void listsFoldersFirstAndDeletesRecursively() throws IOException {
        FileOperations.createFile(dir, "b.txt");
        Path folder = FileOperations.createFolder(dir, "z-folder");
        FileOperations.createFile(folder, "inner.txt");
        FileOperations.createFile(dir, "A.txt");
        assertThat(FileOperations.list(dir)).extracting(e -> e.path().getFileName().toString())
                .containsExactly("z-folder", "A.txt", "b.txt");
        FileOperations.delete(folder);
        assertThat(folder).doesNotExist();
        Path renamed = FileOperations.rename(dir.resolve("b.txt"), "c.txt");
        assertThat(renamed).exists().hasFileName("c.txt");
    }
}
