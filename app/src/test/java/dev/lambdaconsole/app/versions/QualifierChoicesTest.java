package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Test and Monitor tabs' qualifier choosers offer. */
class QualifierChoicesTest {
    @TempDir Path dir;

    @Test
    void offersLatestVersionsAndAliasesAndFollowsTheirChanges() {
        Workspace workspace = new Workspace(dir);
        workspace.create(FunctionConfig.builder("orders").runtime("python3.12").handler("app.handler").build(),
                CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return 1\n")));
        try (QualifierChoices test = new QualifierChoices("orders", workspace, TaskRunner.synchronous(), false);
             QualifierChoices monitor = new QualifierChoices("orders", workspace, TaskRunner.synchronous(), true)) {
            assertThat(test.choices()).extracting(Qualifier::label).containsExactly("$LATEST");
            int[] changes = {0};
            test.onChange(() -> changes[0]++);

            workspace.publishVersion("orders", "first", null, null);
            workspace.updateConfiguration("orders", b -> b.timeout(7));
            workspace.publishVersion("orders", null, null, null);
            workspace.createAlias("orders", "live", "1", "", Map.of("2", 0.1));

            assertThat(test.choices()).extracting(Qualifier::label).containsExactly("$LATEST", "Version 1 · first",
                    "Version 2", "Alias live → 1 (90 %), 2 (10 %)");
            assertThat(test.choices()).extracting(Qualifier::value).containsExactly("$LATEST", "1", "2", "live");
            assertThat(changes[0]).isGreaterThanOrEqualTo(3);
            assertThat(monitor.choices()).extracting(Qualifier::value).containsExactly(null, "$LATEST", "1", "2", "live");
            assertThat(monitor.find(null)).isEqualTo(Qualifier.ALL);
            assertThat(test.find(null)).isEqualTo(Qualifier.LATEST);
            assertThat(test.find("live").isAlias()).isTrue();

            workspace.deleteAlias("orders", "live");
            assertThat(test.find("live")).isNull();
        }
    }
}
