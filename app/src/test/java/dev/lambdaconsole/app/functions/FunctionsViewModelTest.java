package dev.lambdaconsole.app.functions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionsViewModelTest {
    @TempDir Path root;

    private static FunctionConfig fn(String name, String runtime) {
        return FunctionConfig.builder(name).runtime(runtime).handler(runtime.startsWith("node") ? "index.handler"
                : "app.handler").description(name + " description").build();
    }

    @Test
    void listsFunctionsFiltersAndFollowsChangesMadeElsewhere() throws Exception {
        Workspace ws = new Workspace(root);
        ws.create(fn("orders", "python3.12"), (byte[]) null);
        try (SqliteLogStore logs = new SqliteLogStore(root.resolve("logs.db"));
             FunctionsViewModel vm = new FunctionsViewModel(ws, logs, TaskRunner.synchronous())) {
            assertThat(vm.visibleRows()).extracting(FunctionRow::name).containsExactly("orders");
            assertThat(vm.visibleRows().get(0).runtime()).isEqualTo("python3.12");
            assertThat(vm.visibleRows().get(0).memoryMb()).isEqualTo(128);

            ws.create(fn("payments", "nodejs20.x"), (byte[]) null); // e.g. the AWS CLI through the endpoint
            assertThat(vm.visibleRows()).extracting(FunctionRow::name).containsExactly("orders", "payments");

            vm.filterProperty().set("node");
            assertThat(vm.visibleRows()).extracting(FunctionRow::name).containsExactly("payments");
            vm.filterProperty().set("ORD");
            assertThat(vm.visibleRows()).extracting(FunctionRow::name).containsExactly("orders");
            vm.filterProperty().set("");

            ws.updateConfiguration("orders", b -> b.memorySize(512));
            assertThat(vm.visibleRows().get(0).memoryMb()).isEqualTo(512);

            Files.writeString(root.resolve("functions/payments/function.json"), "{broken");
            vm.reload();
            assertThat(vm.visibleRows().get(1).error()).contains("not valid JSON");

            vm.delete("orders");
            assertThat(vm.visibleRows()).extracting(FunctionRow::name).containsExactly("payments");
            assertThat(vm.messageProperty().get()).isEqualTo("Deleted orders.");
            vm.delete("orders");
            assertThat(vm.messageProperty().get()).startsWith("Could not delete orders: Function not found");
        }
    }

    @Test
    void codeSizesReadLikeTheConsole() {
        assertThat(new FunctionRow("a", "", "", "", 0, 512, "", null).codeSizeText()).isEqualTo("512 bytes");
        assertThat(new FunctionRow("a", "", "", "", 0, 1536, "", null).codeSizeText()).isEqualTo("1.5 kB");
        assertThat(new FunctionRow("a", "", "", "", 0, 3 * 1024 * 1024, "", null).codeSizeText()).isEqualTo("3.0 MB");
    }
}
