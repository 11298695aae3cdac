package dev.lambdaconsole.app.layers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.LayerStore;
import dev.lambdaconsole.app.shell.TestConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class LayersViewModelTest {
    @TempDir Path dir;
    private TestConsole console;
    private LayersViewModel vm;

    @BeforeEach
    void start() {
        console = new TestConsole(dir.resolve("ws"), "process", TaskRunner.synchronous());
        vm = new LayersViewModel(console.services.workspace(), new LayerStore(console.services.workspace(),
                "us-east-1", "000000000000"), TaskRunner.synchronous());
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void publishedLayerIsListedAddedToAFunctionAndImportable() throws Exception {
        Path zip = dir.resolve("shared.zip");
        Files.write(zip, zip(Map.of("python/greeting.py", "WORD = 'from the layer'\n")));
        vm.publish("shared", zip);
        vm.publish("shared", zip);
        assertThat(vm.layers()).extracting(LayerStore.LayerVersion::arn).containsExactly(
                "arn:aws:lambda:us-east-1:000000000000:layer:shared:2",
                "arn:aws:lambda:us-east-1:000000000000:layer:shared:1");

        console.services.workspace().create(FunctionConfig.builder("uses-layer").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py",
                "import greeting\ndef handler(event, context):\n    return greeting.WORD\n")));
        vm.reload();
        vm.addToFunction(vm.layers().get(1), "uses-layer");
        vm.addToFunction(vm.layers().get(0), "uses-layer");
        assertThat(console.services.workspace().read("uses-layer").layersOrEmpty()).extracting(FunctionConfig.Layer::arn)
                .containsExactly("arn:aws:lambda:us-east-1:000000000000:layer:shared:2");
        assertThat(vm.layers().get(0).usedBy()).containsExactly("uses-layer");

        InvocationResult r = console.services.engine().invokeSync(InvocationRequest.of("uses-layer", "{}".getBytes()));
        assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("\"from the layer\"");

        vm.delete(vm.layers().get(0));
        assertThat(vm.messageProperty().get()).contains("is used by uses-layer");
        vm.delete(vm.layers().get(1));
        assertThat(vm.layers()).extracting(LayerStore.LayerVersion::version).containsExactly(2);
    }

    @Test
    void badNamesAndBadArchivesAreRefusedWithTheRule() throws Exception {
        Path zip = dir.resolve("l.zip");
        Files.write(zip, zip(Map.of("a.txt", "a")));
        vm.publish("no spaces", zip);
        assertThat(vm.messageProperty().get()).contains("LayerName").contains("letters, digits, hyphens");
        Path notZip = dir.resolve("bad.zip");
        Files.writeString(notZip, "this is not a zip file at all");
        vm.publish("bad", notZip);
        assertThat(vm.messageProperty().get()).startsWith("Not published").contains("valid .zip");
        assertThat(vm.layers()).isEmpty();
    }

    static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
