package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TagsViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private TagsViewModel open(String name) {
        return Functions.configuration(console, name).tags();
    }

    private static KeyValueRow add(TagsViewModel vm, String key, String value) {
        return Functions.row(vm, key, value);
    }

    @Test
    void lambdasTagRules() {
        TagsViewModel vm = open("rules");
        assertThat(add(vm, "k".repeat(129), "v").errorProperty().get())
                .isEqualTo("key must be at most 128 characters (has 129)");
        assertThat(add(vm, "k".repeat(128), "v").errorProperty().get()).isEmpty();
        assertThat(add(vm, "AWS:owner", "me").errorProperty().get()).isEqualTo("keys starting with aws: are reserved for AWS");
        assertThat(add(vm, "long", "v".repeat(257)).errorProperty().get())
                .isEqualTo("value must be at most 256 characters (has 257)");
        assertThat(add(vm, "cost#centre", "1").errorProperty().get())
                .isEqualTo("key may hold only letters, digits, spaces and _ . : / = + - @");
        assertThat(add(vm, "team", "a&b").errorProperty().get())
                .isEqualTo("value may hold only letters, digits, spaces and _ . : / = + - @");
        assertThat(add(vm, "team", "ok").errorProperty().get()).isEqualTo("appears twice; each key must be unique");
        vm.save();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(console.services.workspace().read("rules").tags()).isNull();
    }

    @Test
    void atMostFiftyTags() {
        TagsViewModel vm = open("many");
        for (int i = 1; i <= 50; i++) add(vm, "tag" + i, "v");
        assertThat(vm.tableError().get()).isEmpty();
        add(vm, "tag51", "v");
        assertThat(vm.tableError().get()).isEqualTo("Too many tags: a function can have at most 50 (this one has 51)");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Not saved: Too many tags");
        vm.remove(vm.rows().get(50));
        vm.save();
        assertThat(console.services.workspace().read("many").tags()).hasSize(50);
    }

    @Test
    void savedWhereTagResourceStoresThemAndListTagsShowsThem() {
        TagsViewModel vm = open("tagged");
        add(vm, "team", "payments");
        add(vm, "env", "dev");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        String arn = console.services.engine().settings().functionArn("tagged");
        assertThat(Functions.call(console, "GET", "/2017-03-31/tags/" + arn, null))
                .isEqualTo("200 {\"Tags\":{\"team\":\"payments\",\"env\":\"dev\"}}");

        assertThat(Functions.call(console, "POST", "/2017-03-31/tags/" + arn, "{\"Tags\": {\"owner\": \"ada\"}}"))
                .startsWith("204");
        assertThat(vm.rows()).extracting(KeyValueRow::pair).containsExactly(java.util.List.of("team", "payments"),
                java.util.List.of("env", "dev"), java.util.List.of("owner", "ada"));
        vm.remove(vm.rows().get(0));
        vm.save();
        assertThat(console.services.workspace().read("tagged").tags()).isEqualTo(Map.of("env", "dev", "owner", "ada"));
    }
}
