package dev.lambdaconsole.app.create;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CreateFunctionViewModelTest {
    @TempDir Path root;

    @Test
    void fieldsAreCheckedAsTheyAreTypedWithTheBrokenRule() {
        CreateFunctionViewModel vm = new CreateFunctionViewModel(new Workspace(root), TaskRunner.synchronous(),
                Set.of("taken")::contains);
        assertThat(vm.validProperty().get()).as("an empty name").isFalse();
        assertThat(vm.errorProperty("FunctionName").get()).isEqualTo("is required");
        vm.nameProperty().set("my function");
        assertThat(vm.errorProperty("FunctionName").get()).contains("letters, digits, hyphens and underscores");
        vm.nameProperty().set("taken");
        assertThat(vm.errorProperty("FunctionName").get()).isEqualTo("a function with this name exists already");
        vm.nameProperty().set("orders");
        assertThat(vm.validProperty().get()).isTrue();
        vm.memoryProperty().set("64");
        assertThat(vm.errorProperty("MemorySize").get()).isEqualTo("must be between 128 and 10240 MB");
        vm.memoryProperty().set("lots");
        assertThat(vm.errorProperty("MemorySize").get()).isEqualTo("must be a whole number");
        vm.memoryProperty().set("1024");
        vm.timeoutProperty().set("901");
        assertThat(vm.errorProperty("Timeout").get()).isEqualTo("must be between 1 and 900 seconds");
        vm.timeoutProperty().set("30");
        vm.handlerProperty().set("nodot");
        assertThat(vm.errorProperty("Handler").get()).startsWith("for python3.13 must be module.function");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void theHandlerFollowsTheRuntimeUntilTheUserChangesIt() {
        CreateFunctionViewModel vm = new CreateFunctionViewModel(new Workspace(root), TaskRunner.synchronous(), n -> false);
        assertThat(vm.handlerProperty().get()).isEqualTo("lambda_function.lambda_handler");
        vm.runtimeProperty().set(LambdaRuntime.NODEJS_22);
        assertThat(vm.handlerProperty().get()).isEqualTo("index.handler");
        vm.handlerProperty().set("app.main");
        vm.runtimeProperty().set(LambdaRuntime.NODEJS_20);
        assertThat(vm.handlerProperty().get()).isEqualTo("app.main");
    }

    @Test
    void aBlueprintOffersItsRuntimesAndCreatesItsCode() {
        Workspace ws = new Workspace(root);
        CreateFunctionViewModel vm = new CreateFunctionViewModel(ws, TaskRunner.synchronous(), ws::exists);
        vm.modeProperty().set(CreateFunctionViewModel.Mode.BLUEPRINT);
        vm.blueprintProperty().set(Blueprints.SQS_BATCH);
        assertThat(vm.runtimes()).allMatch(r -> r.family() == LambdaRuntime.Family.PYTHON
                || r.family() == LambdaRuntime.Family.NODE);
        vm.runtimeProperty().set(LambdaRuntime.NODEJS_20);
        vm.nameProperty().set("batch");
        List<FunctionConfig> created = new ArrayList<>();
        vm.create(created::add);
        assertThat(created).singleElement().satisfies(c -> {
            assertThat(c.runtime()).isEqualTo("nodejs20.x");
            assertThat(c.handler()).isEqualTo("index.handler");
        });
        assertThat(ws.codeDir("batch").resolve("index.mjs")).content().contains("batchItemFailures");
        vm.create(created::add);
        assertThat(created).hasSize(1);
        assertThat(vm.errorProperty("FunctionName").get()).isEqualTo("a function with this name exists already");
    }

    @Test
    void aContainerImageFunctionNeedsAnImageUri() {
        Workspace ws = new Workspace(root);
        CreateFunctionViewModel vm = new CreateFunctionViewModel(ws, TaskRunner.synchronous(), ws::exists);
        vm.modeProperty().set(CreateFunctionViewModel.Mode.IMAGE);
        vm.nameProperty().set("img");
        assertThat(vm.errorProperty("ImageUri").get()).isEqualTo("is required when PackageType is Image");
        vm.imageUriProperty().set("my-repo/my-image:latest");
        assertThat(vm.validProperty().get()).isTrue();
        List<FunctionConfig> created = new ArrayList<>();
        vm.create(created::add);
        assertThat(created.get(0).packageType()).isEqualTo("Image");
        assertThat(created.get(0).imageUri()).isEqualTo("my-repo/my-image:latest");
    }

    @Test
    void runtimesAreListedLatestFirstWithTheConsolesNames() {
        CreateFunctionViewModel vm = new CreateFunctionViewModel(new Workspace(root), TaskRunner.synchronous(), n -> false);
        assertThat(vm.runtimes()).startsWith(LambdaRuntime.NODEJS_24, LambdaRuntime.PYTHON_3_14, LambdaRuntime.RUBY_3_4,
                LambdaRuntime.JAVA_25, LambdaRuntime.DOTNET_8, LambdaRuntime.PROVIDED_AL2023, LambdaRuntime.NODEJS_22,
                LambdaRuntime.NODEJS_20, LambdaRuntime.NODEJS_18, LambdaRuntime.PYTHON_3_13)
                .hasSize(LambdaRuntime.values().length);
        assertThat(RuntimeChoices.group(LambdaRuntime.PYTHON_3_14, vm.runtimes())).isEqualTo("Latest supported");
        assertThat(RuntimeChoices.group(LambdaRuntime.PYTHON_3_13, vm.runtimes())).isEqualTo("Other supported");
        assertThat(vm.runtimes()).extracting(RuntimeChoices::displayName).contains("Node.js 24.x", "Python 3.9",
                "Java 21", "Java 8 on Amazon Linux 2", "Ruby 3.2", ".NET 8", "Amazon Linux 2023", "Amazon Linux 2");
        vm.modeProperty().set(CreateFunctionViewModel.Mode.BLUEPRINT);
        vm.blueprintProperty().set(Blueprints.SQS_BATCH);
        assertThat(vm.runtimes()).startsWith(LambdaRuntime.NODEJS_24, LambdaRuntime.PYTHON_3_14, LambdaRuntime.NODEJS_22);
        assertThat(vm.runtimeProperty().get()).isEqualTo(LambdaRuntime.PYTHON_3_13);
    }

    @Test
    void theWholeListIsInTheAwsConsolesOrderNewestFirstPerLanguage() {
        CreateFunctionViewModel vm = new CreateFunctionViewModel(new Workspace(root), TaskRunner.synchronous(), n -> false);
        assertThat(vm.runtimes()).extracting(LambdaRuntime::id).containsExactly(
                // Latest supported: the newest of each language
                "nodejs24.x", "python3.14", "ruby3.4", "java25", "dotnet8", "provided.al2023",
                // Other supported, per language, newest first
                "nodejs22.x", "nodejs20.x", "nodejs18.x",
                "python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
                "ruby3.3", "ruby3.2",
                "java21", "java17", "java11", "java8.al2",
                "provided.al2");
    }

    @Test
    void dotnetSaysItNeedsItsOfficialImageAndNewRuntimesHaveStarterCode() {
        Workspace ws = new Workspace(root);
        CreateFunctionViewModel vm = new CreateFunctionViewModel(ws, TaskRunner.synchronous(), ws::exists);
        assertThat(vm.runtimeNoteProperty().get()).isEmpty();
        vm.runtimeProperty().set(LambdaRuntime.DOTNET_8);
        assertThat(vm.runtimeNoteProperty().get())
                .startsWith(".NET 8 needs the official image (public.ecr.aws/lambda/dotnet:8)");
        assertThat(RuntimeChoices.note(LambdaRuntime.DOTNET_8))
                .isEqualTo("needs the official image (public.ecr.aws/lambda/dotnet:8)");
        assertThat(vm.handlerProperty().get()).isEqualTo("HelloWorld::HelloWorld.Function::FunctionHandler");
        assertThat(vm.codePreviewProperty().get()).contains("Function.cs", "HelloWorld.csproj", "dotnet publish");
        vm.runtimeProperty().set(LambdaRuntime.PYTHON_3_14);
        assertThat(vm.runtimeNoteProperty().get()).isEmpty();
        for (LambdaRuntime r : List.of(LambdaRuntime.PYTHON_3_14, LambdaRuntime.NODEJS_24, LambdaRuntime.RUBY_3_4,
                LambdaRuntime.JAVA_25, LambdaRuntime.JAVA_11, LambdaRuntime.JAVA_8_AL2, LambdaRuntime.DOTNET_8)) {
            assertThat(Blueprints.starter(r).supports(r)).as(r.id()).isTrue();
        }
        vm.runtimeProperty().set(LambdaRuntime.NODEJS_24);
        vm.nameProperty().set("node24");
        List<FunctionConfig> created = new ArrayList<>();
        vm.create(created::add);
        assertThat(created).singleElement().satisfies(c -> assertThat(c.runtime()).isEqualTo("nodejs24.x"));
        assertThat(ws.codeDir("node24").resolve("index.mjs")).content().contains("Hello from Lambda!");
    }

    @Test
    void theRoleNameFollowsIamsRuleAndNamesTakenLaterAreCaughtOnRevalidation() {
        Set<String> taken = new HashSet<>();
        CreateFunctionViewModel vm = new CreateFunctionViewModel(new Workspace(root), TaskRunner.synchronous(),
                taken::contains);
        vm.nameProperty().set("orders");
        vm.roleProperty().set("my role");
        assertThat(vm.errorProperty("Role").get()).isEqualTo("must be 1 to 64 characters of letters, digits and + = , . @ _ -");
        assertThat(vm.validProperty().get()).isFalse();
        vm.roleProperty().set("orders-role@team.1");
        assertThat(vm.validProperty().get()).isTrue();
        taken.add("orders");
        vm.revalidate();
        assertThat(vm.errorProperty("FunctionName").get()).isEqualTo("a function with this name exists already");
    }

    @Test
    void thePreviewShowsTheCodeTheFunctionGetsAndARuntimeWithoutStarterCodeIsFlagged() {
        CreateFunctionViewModel vm = new CreateFunctionViewModel(new Workspace(root), TaskRunner.synchronous(), n -> false);
        assertThat(vm.codePreviewProperty().get()).startsWith("──── lambda_function.py ────\n")
                .contains("Hello from Lambda!");
        vm.modeProperty().set(CreateFunctionViewModel.Mode.BLUEPRINT);
        vm.blueprintProperty().set(Blueprints.SQS_BATCH);
        vm.runtimeProperty().set(LambdaRuntime.NODEJS_22);
        assertThat(vm.codePreviewProperty().get()).startsWith("──── index.mjs ────\n").contains("batchItemFailures");
        vm.modeProperty().set(CreateFunctionViewModel.Mode.IMAGE);
        assertThat(vm.codePreviewProperty().get()).isEmpty();
        vm.modeProperty().set(CreateFunctionViewModel.Mode.SCRATCH);
        for (LambdaRuntime r : LambdaRuntime.values()) {
            vm.runtimeProperty().set(r);
            String error = vm.errorProperty("Runtime").get();
            if (Blueprints.HELLO_WORLD.supports(r)) assertThat(error).as(r.id()).isEmpty();
            if (error.isEmpty()) {
                assertThat(vm.codePreviewProperty().get()).as(r.id()).isNotEmpty();
            } else { // a language without starter code (yet) is refused instead of creating an empty function
                assertThat(error).as(r.id()).startsWith("has no starter code for " + RuntimeChoices.displayName(r));
                assertThat(vm.codePreviewProperty().get()).as(r.id()).isEmpty();
                assertThat(vm.validProperty().get()).isFalse();
            }
        }
    }

    @Test
    void aFailedCreateSaysWhyAndKeepsTheForm() {
        Workspace ws = new Workspace(root);
        CreateFunctionViewModel vm = new CreateFunctionViewModel(ws, TaskRunner.synchronous(), n -> false);
        vm.nameProperty().set("twice");
        vm.memoryProperty().set("512");
        List<FunctionConfig> created = new ArrayList<>();
        vm.create(created::add);
        vm.create(created::add); // the name check had not seen the first one yet (another window, the CLI)
        assertThat(created).hasSize(1);
        assertThat(vm.failureProperty().get()).isEqualTo("Could not create twice: Function already exist: twice");
        assertThat(vm.nameProperty().get()).isEqualTo("twice");
        assertThat(vm.memoryProperty().get()).isEqualTo("512");
        assertThat(vm.busyProperty().get()).isFalse();
        vm.nameProperty().set("once-more");
        vm.create(created::add);
        assertThat(created).hasSize(2);
        assertThat(vm.failureProperty().get()).isEmpty();
    }

    @Test
    void helloWorldCoversEveryLanguageThatNeedsNoBuild() {
        for (Blueprint b : Blueprints.all()) {
            assertThat(b.code()).isNotEmpty();
            b.code().values().forEach(c -> assertThat(c.files()).isNotEmpty());
        }
        assertThat(Blueprints.HELLO_WORLD.code().keySet()).containsExactlyInAnyOrder(LambdaRuntime.Family.PYTHON,
                LambdaRuntime.Family.NODE, LambdaRuntime.Family.RUBY, LambdaRuntime.Family.PROVIDED);
    }
}
