package dev.lambdaconsole.runtime.workspace;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.lambdaconsole.runtime.workspace.WorkspaceTest.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {
    @TempDir Path root;

    private Workspace workspaceWith(String code) throws Exception {
        Workspace ws = new Workspace(root);
        ws.create(FunctionConfig.builder("orders").runtime("python3.12").handler("app.handler").description("orders")
                .build(), zip(Map.of("app.py", code)));
        return ws;
    }

    private static VersioningException refusal(Runnable call) {
        try {
            call.run();
        } catch (VersioningException e) {
            return e;
        }
        throw new AssertionError("expected a VersioningException");
    }

    @Test
    void aPublishedVersionIsAnImmutableCopyOfCodeAndConfiguration() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        FunctionVersion v1 = ws.publishVersion("orders", "first", null, null);
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.config().description()).isEqualTo("first");
        assertThat(root.resolve("functions/orders/versions/1/code/app.py")).hasContent("v = 1");
        assertThat(root.resolve("functions/orders/versions/1/function.json")).exists();

        ws.updateCode("orders", zip(Map.of("app.py", "v = 2\n")));
        ws.updateConfiguration("orders", b -> b.memorySize(512));
        assertThat(ws.version("orders", "1").codeDir().resolve("app.py")).hasContent("v = 1");
        assertThat(ws.version("orders", "1").config().memorySize()).isNull();
        assertThat(ws.version("orders", "$LATEST").config().memorySize()).isEqualTo(512);

        FunctionVersion v2 = ws.publishVersion("orders", null, null, null);
        assertThat(v2.version()).isEqualTo("2");
        assertThat(v2.config().description()).as("the function's own when none is given").isEqualTo("orders");
        assertThat(v2.codeDir().resolve("app.py")).hasContent("v = 2");
        assertThat(ws.versions("orders")).extracting(FunctionVersion::version).containsExactly("1", "2");
        assertThat(new Workspace(root).version("orders", "2").config()).isEqualTo(v2.config());
        assertThat(Files.list(root.resolve("functions/orders/versions")).map(p -> p.getFileName().toString()))
                .as("no staging folder left").containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void publishingAnUnchangedFunctionReturnsTheLastVersion() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        FunctionVersion v1 = ws.publishVersion("orders", "first", null, null);
        String latestRevision = ws.read("orders").revisionId();
        FunctionVersion again = ws.publishVersion("orders", "other words", null, null);
        assertThat(again).isEqualTo(v1);
        assertThat(ws.read("orders").revisionId()).as("nothing published, nothing changed").isEqualTo(latestRevision);
        ws.updateConfiguration("orders", b -> b.timeout(10));
        assertThat(ws.publishVersion("orders", null, null, null).version()).isEqualTo("2");
    }

    @Test
    void revisionAndCodeHashPreconditions() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        FunctionConfig latest = ws.read("orders");
        VersioningException stale = refusal(() -> ws.publishVersion("orders", null, null, "not-the-revision"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorType()).isEqualTo("PreconditionFailedException");
        VersioningException sha = refusal(() -> ws.publishVersion("orders", null, "AAAA", null));
        assertThat(sha.status()).isEqualTo(400);
        assertThat(sha.errorType()).isEqualTo("InvalidParameterValueException");
        assertThat(sha.getMessage()).contains(latest.codeSha256());
        assertThat(ws.versions("orders")).isEmpty();

        FunctionVersion v1 = ws.publishVersion("orders", null, latest.codeSha256(), latest.revisionId());
        assertThat(v1.version()).isEqualTo("1");
        assertThat(ws.read("orders").revisionId()).as("$LATEST's revision renews on publish")
                .isNotEqualTo(latest.revisionId());
        ws.updateConfiguration("orders", b -> b.timeout(9));
        assertThat(refusal(() -> ws.publishVersion("orders", null, null, latest.revisionId())).status()).isEqualTo(412);
    }

    @Test
    void numbersAreNeverReused() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        ws.publishVersion("orders", null, null, null);
        ws.updateConfiguration("orders", b -> b.timeout(5));
        ws.publishVersion("orders", null, null, null);
        ws.deleteVersion("orders", "2");
        assertThat(ws.versions("orders")).extracting(FunctionVersion::version).containsExactly("1");
        assertThatThrownBy(() -> ws.version("orders", "2")).isInstanceOf(FunctionNotFoundException.class)
                .hasMessage("Function not found: orders:2");
        ws.updateConfiguration("orders", b -> b.timeout(6));
        assertThat(ws.publishVersion("orders", null, null, null).version()).isEqualTo("3");
    }

    @Test
    void deletingVersionsFollowsLambdasRules() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        ws.publishVersion("orders", null, null, null);
        ws.createAlias("orders", "live", "1", null, null);
        assertThat(refusal(() -> ws.deleteVersion("orders", "$LATEST")).errorType())
                .isEqualTo("InvalidParameterValueException");
        assertThat(refusal(() -> ws.deleteVersion("orders", "live")).errorType())
                .isEqualTo("InvalidParameterValueException");
        VersioningException used = refusal(() -> ws.deleteVersion("orders", "1"));
        assertThat(used.status()).isEqualTo(409);
        assertThat(used.getMessage()).contains("[live]");
        assertThatThrownBy(() -> ws.deleteVersion("orders", "7")).isInstanceOf(FunctionNotFoundException.class);
        ws.deleteAlias("orders", "live");
        ws.deleteVersion("orders", "1");
        assertThat(ws.versions("orders")).isEmpty();
    }

    @Test
    void aliasesAreStoredWithLambdasFieldsAndRevisions() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        ws.publishVersion("orders", null, null, null);
        ws.updateCode("orders", zip(Map.of("app.py", "v = 2\n")));
        ws.publishVersion("orders", null, null, null);

        Alias live = ws.createAlias("orders", "live", "1", "production", Map.of("2", 0.3));
        assertThat(live.revisionId()).isNotBlank();
        assertThat(Files.readString(root.resolve("functions/orders/aliases.json")))
                .contains("\"Name\" : \"live\"").contains("\"FunctionVersion\" : \"1\"")
                .contains("\"AdditionalVersionWeights\"").contains("\"2\" : 0.3");
        assertThat(new Workspace(root).alias("orders", "live")).isEqualTo(live);

        Alias same = ws.updateAlias("orders", "live", null, null, null, live.revisionId());
        assertThat(same.revisionId()).as("renewed even by a no-op update").isNotEqualTo(live.revisionId());
        assertThat(same.weights()).isEqualTo(Map.of("2", 0.3));
        VersioningException stale = refusal(() -> ws.updateAlias("orders", "live", "2", null, Map.of(), live.revisionId()));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorType()).isEqualTo("PreconditionFailedException");

        Alias moved = ws.updateAlias("orders", "live", "2", null, Map.of(), null);
        assertThat(moved.functionVersion()).isEqualTo("2");
        assertThat(moved.routingConfig()).as("empty weights clear the routing").isNull();
        assertThat(moved.description()).isEqualTo("production");

        ws.createAlias("orders", "beta", "$LATEST", null, null);
        assertThat(ws.aliases("orders")).extracting(Alias::name).containsExactly("beta", "live");
        ws.deleteAlias("orders", "beta");
        assertThat(ws.aliases("orders")).extracting(Alias::name).containsExactly("live");
    }

    @Test
    void aliasRulesGiveLambdasErrors() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        ws.publishVersion("orders", null, null, null);
        ws.updateCode("orders", zip(Map.of("app.py", "v = 2\n")));
        ws.publishVersion("orders", null, null, null);
        ws.createAlias("orders", "live", "1", null, null);

        VersioningException duplicate = refusal(() -> ws.createAlias("orders", "live", "2", null, null));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.message(n -> "arn:aws:lambda:us-east-1:000000000000:function:" + n))
                .isEqualTo("Alias already exists: arn:aws:lambda:us-east-1:000000000000:function:orders:live");
        assertThat(refusal(() -> ws.createAlias("orders", "123", "1", null, null)).errorType())
                .as("all digits reads as a version").isEqualTo("ValidationException");
        assertThat(refusal(() -> ws.createAlias("orders", "a b", "1", null, null)).errorType())
                .isEqualTo("ValidationException");
        assertThat(refusal(() -> ws.createAlias("orders", "x", "latest", null, null)).errorType())
                .isEqualTo("ValidationException");
        assertThatThrownBy(() -> ws.createAlias("orders", "x", "9", null, null))
                .isInstanceOf(FunctionNotFoundException.class).hasMessage("Function not found: orders:9");
        assertThat(refusal(() -> ws.createAlias("orders", "x", "1", null, Map.of("2", 1.5))).errorType())
                .isEqualTo("ValidationException");
        assertThat(refusal(() -> ws.createAlias("orders", "x", "1", null, Map.of("two", 0.5))).errorType())
                .isEqualTo("ValidationException");
        assertThat(refusal(() -> ws.createAlias("orders", "x", "1", null, Map.of("2", 0.5, "3", 0.1))).errorType())
                .isEqualTo("InvalidParameterValueException");
        assertThat(refusal(() -> ws.createAlias("orders", "x", "1", null, Map.of("1", 0.5))).errorType())
                .isEqualTo("InvalidParameterValueException");
        assertThat(refusal(() -> ws.createAlias("orders", "x", "$LATEST", null, Map.of("1", 0.5))).errorType())
                .isEqualTo("InvalidParameterValueException");
        assertThatThrownBy(() -> ws.createAlias("orders", "x", "1", null, Map.of("9", 0.5)))
                .isInstanceOf(FunctionNotFoundException.class);
        VersioningException missing = refusal(() -> ws.alias("orders", "nope"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(refusal(() -> ws.deleteAlias("orders", "nope")).status()).isEqualTo(404);
        assertThat(ws.aliases("orders")).extracting(Alias::name).containsExactly("live");
    }

    @Test
    void qualifiersResolveToVersionsAndWeightedRouting() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        ws.publishVersion("orders", null, null, null);
        ws.updateCode("orders", zip(Map.of("app.py", "v = 2\n")));
        ws.publishVersion("orders", null, null, null);
        ws.createAlias("orders", "live", "1", null, Map.of("2", 0.3));

        assertThat(ws.resolve("orders", null).version()).isEqualTo("$LATEST");
        assertThat(ws.resolve("orders", "$LATEST").version()).isEqualTo("$LATEST");
        assertThat(ws.resolve("orders", "2").version()).isEqualTo("2");
        QualifiedTarget live = ws.resolve("orders", "live");
        assertThat(live.isAlias()).isTrue();
        assertThat(live.pick(0.0)).isEqualTo("2");
        assertThat(live.pick(0.2999)).isEqualTo("2");
        assertThat(live.pick(0.3)).isEqualTo("1");
        assertThat(live.pick(0.99)).isEqualTo("1");
        assertThatThrownBy(() -> ws.resolve("orders", "5")).isInstanceOf(FunctionNotFoundException.class)
                .hasMessage("Function not found: orders:5");
        assertThatThrownBy(() -> ws.resolve("orders", "canary")).isInstanceOf(FunctionNotFoundException.class)
                .hasMessage("Function not found: orders:canary");
        assertThatThrownBy(() -> ws.resolve("billing", null)).isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void listenersHearOfVersionsAndAliases() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        List<WorkspaceChange> changes = new ArrayList<>();
        ws.addListener(changes::add);
        ws.publishVersion("orders", null, null, null);
        ws.publishVersion("orders", null, null, null); // unchanged: nothing new
        ws.createAlias("orders", "live", "1", null, null);
        ws.updateAlias("orders", "live", null, "now", null, null);
        ws.deleteAlias("orders", "live");
        ws.deleteVersion("orders", "1");
        assertThat(changes).extracting(WorkspaceChange::kind).containsExactly(WorkspaceChange.Kind.VERSIONS,
                WorkspaceChange.Kind.ALIASES, WorkspaceChange.Kind.ALIASES, WorkspaceChange.Kind.ALIASES,
                WorkspaceChange.Kind.VERSIONS);
        assertThat(changes).extracting(WorkspaceChange::functionName).containsOnly("orders");
    }

    @Test
    void versionsGoWithTheFunctionAndDoNotListAsFunctions() throws Exception {
        Workspace ws = workspaceWith("v = 1\n");
        ws.publishVersion("orders", null, null, null);
        ws.createAlias("orders", "live", "1", null, null);
        assertThat(ws.list()).extracting(FunctionEntry::name).containsExactly("orders");
        ws.delete("orders");
        ws.create(FunctionConfig.builder("orders").runtime("python3.12").handler("app.handler").build(),
                zip(Map.of("app.py", "v = 3\n")));
        assertThat(ws.versions("orders")).isEmpty();
        assertThat(ws.aliases("orders")).isEmpty();
        assertThat(ws.publishVersion("orders", null, null, null).version()).as("a new function counts from 1")
                .isEqualTo("1");
    }
}
