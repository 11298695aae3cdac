package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.create.Blueprints;
import dev.lambdaconsole.app.create.CreateFunctionViewModel;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.workspace.CodeArchive;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Code tab without a toolkit: a real engine (process backend), real folders, synchronous tasks. */
class CodeViewModelTest {
    @TempDir static Path root;
    @TempDir Path files;
    static TestConsole console;
    static Workspace workspace;
    private final List<CodeViewModel> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        console = new TestConsole(root, "process", TaskRunner.synchronous());
        workspace = console.services.workspace();
    }

    @AfterAll
    static void stop() { console.close(); }

    @AfterEach
    void closeViewModels() { opened.forEach(CodeViewModel::close); }

    static String python(String version) {
        return "def lambda_handler(event, context):\n    return {\"version\": \"" + version + "\"}\n";
    }

    static void createPython(String name, String version) {
        workspace.create(FunctionConfig.builder(name).runtime("python3.12").handler("lambda_function.lambda_handler")
                .build(), CodeSource.files(Map.of("lambda_function.py", python(version))));
    }

    CodeViewModel open(String name) {
        CodeViewModel vm = new CodeViewModel(console.services, name);
        opened.add(vm);
        vm.open();
        return vm;
    }

    static String invoke(String name) {
        InvocationResult r = console.services.engine().invokeSync(
                InvocationRequest.of(name, "{}".getBytes(StandardCharsets.UTF_8)));
        return r.payloadText();
    }

    static Path draft(String name) {
        return console.services.stateDir().resolve("drafts").resolve(name).toAbsolutePath().normalize();
    }

    static Path recoveryCopy(String name, String file) {
        return console.services.stateDir().resolve("recovery").resolve(name).resolve(file);
    }

    static void edit(CodeViewModel vm, Path file, String text) throws IOException {
        Files.writeString(file, text);
        vm.saved(file);
    }

    @Test
    void theDraftIsACopyOfTheDeployedCodeAndEditsToItAreChangesNotDeployed() throws IOException {
        createPython("draft-copy", "v1");
        CodeViewModel vm = open("draft-copy");
        Path file = draft("draft-copy").resolve("lambda_function.py");
        assertThat(vm.draftDirProperty().get()).isEqualTo(draft("draft-copy"));
        assertThat(vm.handlerFileProperty().get()).isEqualTo(file);
        assertThat(file).hasContent(python("v1"));
        assertThat(vm.hasUndeployedChanges()).isFalse();

        edit(vm, file, python("v2"));
        assertThat(vm.undeployedProperty().get()).isTrue();
        assertThat(workspace.codeDir("draft-copy").resolve("lambda_function.py")).hasContent(python("v1"));
        edit(vm, file, python("v1"));
        assertThat(vm.undeployedProperty().get()).as("back to the deployed text").isFalse();
        vm.buffersDirtyProperty().set(true);
        assertThat(vm.hasUndeployedChanges()).as("an unsaved editor buffer").isTrue();
        vm.buffersDirtyProperty().set(false);

        edit(vm, file, python("v3"));
        vm.close();
        CodeViewModel again = open("draft-copy");
        assertThat(file).as("an edited draft survives closing the tab").hasContent(python("v3"));
        assertThat(again.hasUndeployedChanges()).isTrue();
    }

    @Test
    void deployReplacesTheCodeAndTheNextInvokeRunsIt() throws IOException {
        createPython("deploy-me", "v1");
        assertThat(invoke("deploy-me")).contains("v1");
        CodeViewModel vm = open("deploy-me");
        edit(vm, draft("deploy-me").resolve("lambda_function.py"), python("v2"));
        vm.deploy();
        assertThat(vm.status().kind()).isEqualTo(CodeStatus.Kind.SUCCESS);
        assertThat(vm.status().title()).matches("Deployed \\d\\d:\\d\\d:\\d\\d");
        assertThat(vm.hasUndeployedChanges()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(console.services.progress().entries()).isEmpty();
        assertThat(workspace.codeDir("deploy-me").resolve("lambda_function.py")).hasContent(python("v2"));
        assertThat(invoke("deploy-me")).as("the warm environment was retired").contains("v2").doesNotContain("v1");
    }

    @Test
    void anUneditedDraftFollowsCodeChangedElsewhereAndAnEditedOneIsKept() throws IOException {
        createPython("follow", "v1");
        CodeViewModel vm = open("follow");
        Path file = draft("follow").resolve("lambda_function.py");
        workspace.updateCode("follow", zipOf("lambda_function.py", python("v2")));
        assertThat(file).hasContent(python("v2"));
        assertThat(vm.hasUndeployedChanges()).isFalse();

        edit(vm, file, python("mine"));
        workspace.updateCode("follow", zipOf("lambda_function.py", python("theirs")));
        assertThat(file).hasContent(python("mine"));
        assertThat(vm.hasUndeployedChanges()).isTrue();
    }

    @Test
    void unsavedBuffersAreCopiedOfferedAfterACrashAndCleanedAfterSaveOrDeploy() throws IOException {
        createPython("recover", "v1");
        CodeViewModel vm = open("recover");
        Path file = draft("recover").resolve("lambda_function.py");
        Path copy = recoveryCopy("recover", "lambda_function.py");
        vm.writeRecovery(Map.of("lambda_function.py", python("typed")));
        assertThat(copy).hasContent(python("typed"));

        vm.close(); // the console died with the buffer unsaved
        age(file);
        CodeViewModel reopened = open("recover");
        assertThat(reopened.recoverable()).containsExactly("lambda_function.py");
        List<Path> restored = new ArrayList<>();
        reopened.restoreRecovery(restored::addAll);
        assertThat(restored).containsExactly(file);
        assertThat(file).hasContent(python("typed"));
        assertThat(copy).doesNotExist();
        assertThat(reopened.recoverable()).isEmpty();
        assertThat(reopened.hasUndeployedChanges()).isTrue();

        reopened.writeRecovery(Map.of("lambda_function.py", python("typed again")));
        reopened.close();
        age(file);
        CodeViewModel third = open("recover");
        assertThat(third.recoverable()).containsExactly("lambda_function.py");
        third.discardRecovery();
        assertThat(copy).doesNotExist();
        assertThat(file).hasContent(python("typed"));

        third.writeRecovery(Map.of("lambda_function.py", python("then saved")));
        edit(third, file, python("then saved"));
        assertThat(copy).as("saving makes the copy obsolete").doesNotExist();
        third.writeRecovery(Map.of("lambda_function.py", python("then deployed")));
        third.deploy();
        assertThat(copy).as("deploying makes the copy obsolete").doesNotExist();

        third.writeRecovery(Map.of("lambda_function.py", python("older than the file")));
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minusSeconds(120)));
        third.close();
        CodeViewModel fourth = open("recover");
        assertThat(fourth.recoverable()).as("a copy older than the saved file is stale").isEmpty();
        assertThat(copy).doesNotExist();
    }

    @Test
    void aJavaFunctionFromTheBlueprintCompilesWhenCreatedAndOnDeploy() throws IOException {
        CreateFunctionViewModel create = new CreateFunctionViewModel(workspace, TaskRunner.synchronous(), workspace::exists);
        create.modeProperty().set(CreateFunctionViewModel.Mode.BLUEPRINT);
        create.blueprintProperty().set(Blueprints.HELLO_WORLD_JAVA);
        create.nameProperty().set("java-hello");
        assertThat(create.runtimeProperty().get()).as("the newest Java").isEqualTo(LambdaRuntime.JAVA_25);
        assertThat(create.handlerProperty().get()).isEqualTo("example.Handler::handleRequest");
        create.timeoutProperty().set("30");
        List<FunctionConfig> created = new ArrayList<>();
        create.create(created::add);
        assertThat(create.failureProperty().get()).isEmpty();
        assertThat(created).hasSize(1);
        assertThat(workspace.codeDir("java-hello").resolve("example/Handler.class")).isRegularFile();
        assertThat(invoke("java-hello")).contains("Hello from Lambda!");

        CodeViewModel vm = open("java-hello");
        Path source = draft("java-hello").resolve("src/main/java/example/Handler.java");
        assertThat(vm.handlerFileProperty().get()).isEqualTo(source);
        assertThat(classFiles(draft("java-hello"))).as("build output stays out of the draft").isEmpty();
        assertThat(vm.hasUndeployedChanges()).isFalse();
        edit(vm, source, Files.readString(source).replace("Hello from Lambda!", "Hello from the Code tab!"));
        assertThat(vm.hasUndeployedChanges()).isTrue();
        vm.deploy();
        assertThat(vm.status().kind()).as(vm.status().detail()).isEqualTo(CodeStatus.Kind.SUCCESS);
        assertThat(vm.hasUndeployedChanges()).isFalse();
        assertThat(invoke("java-hello")).contains("Hello from the Code tab!");
    }

    @Test
    void aCompileErrorStopsTheDeployWithFileAndLineAndLosesNothing() throws IOException {
        workspace.create(FunctionConfig.builder("java-broken").runtime("java17").handler("example.Handler::handleRequest")
                .timeout(30).build(), JavaBuild.source(LambdaRuntime.JAVA_17,
                Blueprints.HELLO_WORLD_JAVA.codeFor(LambdaRuntime.JAVA_17).files()));
        assertThat(invoke("java-broken")).contains("Hello from Lambda!");
        CodeViewModel vm = open("java-broken");
        Path source = draft("java-broken").resolve("src/main/java/example/Handler.java");
        String original = Files.readString(source);
        int line = lineOf(original, "response.put(\"statusCode\", 200);");
        String broken = original.replace("response.put(\"statusCode\", 200);", "response.put(\"statusCode\", 200)");
        edit(vm, source, broken);
        vm.deploy();
        assertThat(vm.status().kind()).isEqualTo(CodeStatus.Kind.ERROR);
        assertThat(vm.status().title()).isEqualTo("Not deployed: the Java code did not compile");
        assertThat(vm.status().detail()).contains("src/main/java/example/Handler.java:" + line + ": ';' expected");
        assertThat(vm.compileProblems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("src/main/java/example/Handler.java");
            assertThat(p.line()).isEqualTo(line);
        });
        assertThat(source).as("the draft keeps the user's text").hasContent(broken);
        assertThat(vm.hasUndeployedChanges()).isTrue();
        assertThat(invoke("java-broken")).as("the deployed code still runs").contains("Hello from Lambda!");

        int logLine = lineOf(original, "context.getLogger().log(");
        edit(vm, source, original.replace("context.getLogger().log(", "context.getLogger().shout("));
        vm.deploy();
        assertThat(vm.status().detail()).contains("src/main/java/example/Handler.java:" + logLine + ": cannot find symbol");

        edit(vm, source, original.replace("Hello from Lambda!", "fixed"));
        vm.deploy();
        assertThat(vm.status().kind()).isEqualTo(CodeStatus.Kind.SUCCESS);
        assertThat(vm.compileProblems()).isEmpty();
        assertThat(invoke("java-broken")).contains("fixed");
    }

    @Test
    void runtimeSettingsAreCheckedAgainstLambdasRulesAndSaved() {
        createPython("settings", "v1");
        RuntimeSettingsViewModel s = open("settings").runtimeSettings();
        assertThat(s.runtimeProperty().get()).isEqualTo("python3.12");
        assertThat(s.runtimes()).as("the wizard's order").startsWith("nodejs24.x", "python3.14", "ruby3.4", "java25",
                "dotnet8", "provided.al2023", "nodejs22.x").hasSize(dev.lambdaconsole.runtime.model.LambdaRuntime.values().length);
        assertThat(s.handlerProperty().get()).isEqualTo("lambda_function.lambda_handler");
        assertThat(s.architectureProperty().get()).isEqualTo("x86_64");
        assertThat(s.validProperty().get()).isTrue();
        assertThat(s.changedProperty().get()).isFalse();

        s.handlerProperty().set("nodot");
        assertThat(s.errorProperty("Handler").get()).startsWith("for python3.12 must be module.function");
        assertThat(s.validProperty().get()).isFalse();
        s.save();
        assertThat(workspace.read("settings").handler()).isEqualTo("lambda_function.lambda_handler");

        s.handlerProperty().set("lambda_function.lambda_handler");
        s.architectureProperty().set("arm64");
        assertThat(s.errorProperty("Handler").get()).isEmpty();
        assertThat(s.changedProperty().get()).isTrue();
        s.save();
        assertThat(workspace.read("settings").architectures()).containsExactly("arm64");
        assertThat(s.messageProperty().get()).startsWith("Runtime settings saved");
        assertThat(s.changedProperty().get()).isFalse();

        s.runtimeProperty().set("nodejs22.x");
        assertThat(s.handlerProperty().get()).as("the default handler follows the runtime").isEqualTo("index.handler");
        s.revert();
        assertThat(s.runtimeProperty().get()).isEqualTo("python3.12");
        assertThat(s.handlerProperty().get()).isEqualTo("lambda_function.lambda_handler");
        s.runtimeProperty().set("python3.13");
        assertThat(s.handlerProperty().get()).isEqualTo("lambda_function.lambda_handler");
        s.save();
        assertThat(workspace.read("settings").runtime()).isEqualTo("python3.13");
        assertThat(invoke("settings")).contains("v1");
    }

    @Test
    void uploadReplacesCodeAndDraftWhileABadOrHugeZipIsRefusedClearly() throws IOException {
        createPython("upload", "v1");
        CodeViewModel vm = open("upload");
        Path notZip = Files.writeString(files.resolve("not-a-zip.zip"), "hello");
        vm.uploadZip(notZip, () -> { throw new AssertionError("not uploaded"); });
        assertThat(vm.status().kind()).isEqualTo(CodeStatus.Kind.ERROR);
        assertThat(vm.status().detail()).startsWith("not-a-zip.zip: ZipFile: is not a valid .zip archive")
                .contains("The function's code is unchanged.");

        Path huge = files.resolve("huge.zip");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(CodeArchive.MAX_ZIPPED + 1);
        }
        vm.uploadZip(huge, () -> { throw new AssertionError("not uploaded"); });
        assertThat(vm.status().detail()).contains("must not exceed 50 MB");
        assertThat(invoke("upload")).contains("v1");

        edit(vm, draft("upload").resolve("lambda_function.py"), python("draft edit"));
        Path good = Files.write(files.resolve("code.zip"), zipOf("lambda_function.py", python("uploaded")));
        List<String> done = new ArrayList<>();
        vm.uploadZip(good, () -> done.add("uploaded"));
        assertThat(done).containsExactly("uploaded");
        assertThat(vm.status().kind()).isEqualTo(CodeStatus.Kind.SUCCESS);
        assertThat(draft("upload").resolve("lambda_function.py")).hasContent(python("uploaded"));
        assertThat(vm.hasUndeployedChanges()).isFalse();
        assertThat(invoke("upload")).contains("uploaded");

        Path downloaded = files.resolve("download.zip");
        vm.downloadZip(downloaded);
        assertThat(vm.status().title()).isEqualTo("Downloaded download.zip");
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(workspace.codeZip("upload"));
    }

    private byte[] zipOf(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory(files, "zip");
        Files.writeString(dir.resolve(name), content);
        return CodeArchive.zip(dir);
    }

    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(fragment)) return i + 1;
        throw new AssertionError(fragment + " not in the source");
    }

    private static List<Path> classFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }
}
