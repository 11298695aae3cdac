package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.app.monitor.UiQueue;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.lambdaconsole.app.versions.AliasTrafficTest.T0;
import static dev.lambdaconsole.app.versions.AliasTrafficTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Aliases tab's view model on a real workspace and log store, without the toolkit. */
class AliasesViewModelTest {
    @TempDir Path dir;
    Workspace workspace;
    SqliteLogStore store;
    UiQueue ui;
    AliasesViewModel vm;

    @BeforeEach
    void twoVersions() {
        ui = new UiQueue();
        workspace = new Workspace(dir.resolve("ws"));
        store = new SqliteLogStore(dir.resolve("logs.db"));
        workspace.create(FunctionConfig.builder("orders").runtime("python3.12").handler("app.handler").build(),
                CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return 1\n")));
        workspace.publishVersion("orders", "one", null, null);
        workspace.updateConfiguration("orders", b -> b.timeout(8));
        workspace.publishVersion("orders", "two", null, null);
        vm = new AliasesViewModel("orders", workspace, store, ui, n -> "arn:aws:lambda:us-east-1:000000000000:function:" + n,
                ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
    }

    @Test
    void listsAliasesWithTheirRoutingAndFollowsChangesMadeElsewhere() {
        assertThat(vm.aliases()).isEmpty();
        workspace.createAlias("orders", "live", "1", "production", Map.of("2", 0.1));
        workspace.createAlias("orders", "beta", "2", null, null);
        assertThat(vm.aliases()).extracting(AliasRow::name, AliasRow::version, AliasRow::additional, AliasRow::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("beta", "2", "", ""),
                        org.assertj.core.groups.Tuple.tuple("live", "1", "2 at 10 %", "production"));
        workspace.deleteAlias("orders", "beta");
        assertThat(vm.aliases()).extracting(AliasRow::name).containsExactly("live");
    }

    @Test
    void theEditorOffersTheFunctionsVersionsAndSavingChoosesTheAlias() {
        AliasEditorViewModel[] opened = new AliasEditorViewModel[1];
        vm.editor(null, e -> opened[0] = e);
        assertThat(opened[0].versions()).containsExactly("$LATEST", "1", "2");
        opened[0].nameProperty().set("live");
        opened[0].versionProperty().set("1");
        opened[0].additionalVersionProperty().set("2");
        opened[0].weightPercentProperty().set(30);
        opened[0].save(a -> vm.saved(a, true));
        assertThat(vm.messageProperty().get()).isEqualTo("Created alias live: 1 (70 %), 2 (30 %).");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("live");
    }

    @Test
    void deletingAnAliasAsksNothingOfLambdaButTheName() {
        workspace.createAlias("orders", "live", "1", "", null);
        vm.delete(vm.aliases().get(0));
        assertThat(vm.aliases()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Deleted alias live.");
        assertThat(AliasesViewModel.deleteQuestion(new AliasRow(null, "live", "1", "", ""))).startsWith("Delete alias live?");
    }

    @Test
    void theChosenAliasShowsWhereItsInvocationsLandedAndFollowsNewOnes() {
        workspace.createAlias("orders", "live", "1", "", Map.of("2", 0.5));
        store.recordInvocation(record("a", T0, "live", "1"));
        store.recordInvocation(record("b", T0 + 100, "live", "2"));
        store.recordInvocation(record("c", T0 + 200, null, "$LATEST"));
        store.flush();
        assertThat(vm.trafficProperty().get()).isNull();

        vm.selectedProperty().set(vm.aliases().get(0));
        assertThat(vm.trafficProperty().get().totals()).containsExactly(Map.entry("1", 1L), Map.entry("2", 1L));

        store.recordInvocation(record("d", T0 + 1_300, "live", "2"));
        store.recordInvocation(record("e", T0 + 1_400, "other", "1"));
        store.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ui.runPending();
            return vm.trafficProperty().get().total() == 3;
        });
        AliasTraffic t = vm.trafficProperty().get();
        assertThat(t.totals()).containsExactly(Map.entry("1", 1L), Map.entry("2", 2L));
        assertThat(t.buckets()).containsExactly("14:03:20", "14:03:21");
        assertThat(t.summary()).isEqualTo("3 invocations through live: version 1: 1 (33 %), version 2: 2 (67 %)");

        vm.selectedProperty().set(null);
        assertThat(vm.trafficProperty().get()).isNull();
    }
}
