package dev.lambdaconsole.runtime.workspace;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {
    @TempDir Path root;

    private static FunctionConfig config(String name) {
        return FunctionConfig.builder(name).runtime("python3.12").handler("app.handler").memorySize(256).build();
    }

    static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void functionsAreGitFriendlyFilesWithLambdaFieldNames() throws Exception {
        Workspace ws = new Workspace(root);
        FunctionConfig created = ws.create(config("orders"), zip(Map.of("app.py", "def handler(e, c): return 1\n")));
        String json = Files.readString(root.resolve("functions/orders/function.json"));
        assertThat(json).contains("\"FunctionName\" : \"orders\"").contains("\"MemorySize\" : 256")
                .contains("\"Runtime\" : \"python3.12\"").contains("\"CodeSha256\"");
        assertThat(root.resolve("functions/orders/code/app.py")).hasContent("def handler(e, c): return 1");
        assertThat(created.codeSize()).isPositive();
        assertThat(new Workspace(root).read("orders")).isEqualTo(created);
    }

    @Test
    void aCorruptFunctionIsReportedAndTheOthersStillLoad() throws Exception {
        Workspace ws = new Workspace(root);
        ws.create(config("good"), (byte[]) null);
        ws.create(config("bad"), (byte[]) null);
        Files.writeString(root.resolve("functions/bad/function.json"), "{\"FunctionName\": \"bad\", ");
        List<FunctionEntry> entries = ws.list();
        assertThat(entries).extracting(FunctionEntry::name).containsExactly("bad", "good");
        assertThat(entries.get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("Function bad").contains("function.json is not valid JSON").contains("line 1"));
        assertThat(entries.get(1).config()).isPresent();
        assertThat(ws.functions()).extracting(FunctionConfig::functionName).containsExactly("good");
    }

    @Test
    void updatesValidateAndLeaveNoTemporaryFiles() throws Exception {
        Workspace ws = new Workspace(root);
        ws.create(config("f"), (byte[]) null);
        assertThatThrownBy(() -> ws.updateConfiguration("f", b -> b.memorySize(50)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("MemorySize");
        assertThat(ws.read("f").memorySize()).isEqualTo(256);
        FunctionConfig updated = ws.updateConfiguration("f", b -> b.timeout(60).variables(Map.of("A", "1")));
        assertThat(ws.read("f")).isEqualTo(updated);
        ws.updateCode("f", zip(Map.of("app.py", "v2")));
        assertThat(root.resolve("functions/f/code/app.py")).hasContent("v2");
        try (Stream<Path> files = Files.walk(root.resolve("functions"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".code-") || n.startsWith(".old-"));
        }
    }

    @Test
    void zipEntriesThatEscapeTheFolderAreRejectedAndNothingIsCreated() throws Exception {
        Workspace ws = new Workspace(root);
        assertThatThrownBy(() -> ws.create(config("evil"), zip(Map.of("../../etc/passwd", "x"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ZipFile")
                .hasMessageContaining("../../etc/passwd");
        assertThat(ws.exists("evil")).isFalse();
        try (Stream<Path> files = Files.list(root.resolve("functions"))) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> ws.create(config("junk"), "not a zip".getBytes()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ZipFile");
    }

    @Test
    void oversizedPackagesAreRejected() {
        byte[] big = new byte[(int) CodeArchive.MAX_ZIPPED + 1];
        assertThatThrownBy(() -> new Workspace(root).create(config("big"), big))
                .hasMessageContaining("must not exceed 50 MB zipped");
    }

    @Test
    void executeBitsSurviveAZipRoundTrip() throws Exception {
        Path src = Files.createDirectories(root.resolve("src"));
        Path bootstrap = src.resolve("bootstrap");
        Files.writeString(bootstrap, "#!/bin/sh\n");
        bootstrap.toFile().setExecutable(true);
        Files.writeString(src.resolve("data.txt"), "x");
        Workspace ws = new Workspace(root.resolve("ws"));
        ws.create(FunctionConfig.builder("custom").runtime("provided.al2023").handler("x").build(), CodeArchive.zip(src));
        assertThat(Files.isExecutable(ws.codeDir("custom").resolve("bootstrap"))).isTrue();
        assertThat(Files.isExecutable(ws.codeDir("custom").resolve("data.txt"))).isFalse();
    }

    @Test
    void duplicateNamesConflictAndMissingFunctionsAreNotFound() {
        Workspace ws = new Workspace(root);
        ws.create(config("dup"), (byte[]) null);
        assertThatThrownBy(() -> ws.create(config("dup"), (byte[]) null)).isInstanceOf(FunctionConflictException.class);
        assertThatThrownBy(() -> ws.read("missing")).isInstanceOf(FunctionNotFoundException.class);
        ws.delete("dup");
        assertThat(ws.exists("dup")).isFalse();
        assertThat(root.resolve("functions/dup")).doesNotExist();
    }

    @Test
    void listenersHearEveryChange() throws Exception {
        Workspace ws = new Workspace(root);
        List<WorkspaceChange> changes = new ArrayList<>();
        ws.addListener(changes::add);
        ws.create(config("w"), (byte[]) null);
        ws.updateConfiguration("w", b -> b.timeout(5));
        ws.updateCode("w", zip(Map.of("a.py", "")));
        ws.events().save("w", "hello", "{}");
        ws.delete("w");
        assertThat(changes).extracting(WorkspaceChange::kind).containsExactly(WorkspaceChange.Kind.CREATED,
                WorkspaceChange.Kind.CONFIGURATION, WorkspaceChange.Kind.CODE, WorkspaceChange.Kind.EVENTS,
                WorkspaceChange.Kind.DELETED);
    }

    @Test
    void savedTestEvents() {
        Workspace ws = new Workspace(root);
        ws.create(config("ev"), (byte[]) null);
        TestEvents events = ws.events();
        events.save("ev", "order-created", "{\"id\": 1}");
        assertThat(events.names("ev")).containsExactly("order-created");
        assertThat(events.read("ev", "order-created")).isEqualTo("{\"id\": 1}");
        assertThatThrownBy(() -> events.save("ev", "broken", "{\"id\": }"))
                .hasMessageContaining("Event JSON: is not valid JSON").hasMessageContaining("line 1, column 8");
        assertThatThrownBy(() -> events.save("ev", "bad name!", "{}")).hasMessageContaining("Event name");
        events.rename("ev", "order-created", "order-paid");
        assertThat(events.names("ev")).containsExactly("order-paid");
        for (int i = 0; i < 9; i++) events.save("ev", "e" + i, "{}");
        assertThatThrownBy(() -> events.save("ev", "eleventh", "{}")).hasMessageContaining("at most 10");
        events.delete("ev", "e0");
        events.save("ev", "eleventh", "{}");
        assertThat(events.names("ev")).hasSize(10);
    }
}
