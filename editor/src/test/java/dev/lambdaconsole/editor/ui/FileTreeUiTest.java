package dev.lambdaconsole.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.files.CloseConfirmation;
import dev.lambdaconsole.editor.files.FileDialogs;
import dev.lambdaconsole.editor.files.FileTreeView;
import dev.lambdaconsole.editor.files.MultiFileEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FileTreeUiTest {

    @TempDir
    static Path root;

    private MultiFileEditor editor;
    private FileTreeView tree;
    private final Deque<String> names = new ArrayDeque<>();
    private boolean confirmDeletes;

    @Start
    void start(Stage stage) throws IOException {
        Path folder = Files.createTempDirectory(root, "project");
        Files.writeString(folder.resolve("handler.py"), "def handler(e, c):\n    return 1\n");
        Files.createDirectory(folder.resolve("lib"));
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<String> askName(String title, String initialName) {
                return Optional.ofNullable(names.poll());
            }

            @Override
            public boolean confirmDelete(Path path) {
                return confirmDeletes;
            }

            @Override
            public void showError(String message) {
                throw new AssertionError(message);
            }
        };
        editor = new MultiFileEditor(TaskRunner.fx(), file -> CloseConfirmation.Decision.DISCARD, dialogs);
        tree = editor.openFolder(folder);
        stage.setScene(new Scene(editor, 900, 500));
        stage.show();
    }

    private List<String> visibleNames(FxRobot robot) {
        return Fx.call(() -> robot.from(tree).lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getText() != null && !c.isEmpty())
                .sorted(java.util.Comparator.comparingInt(TreeCell::getIndex))
                .map(c -> c.getText())
                .toList());
    }

    private void select(FxRobot robot, String name) {
        Fx.until(() -> visibleNames(robot).contains(name));
        robot.clickOn(name);
    }

    @Test
    void listsFoldersFirstAndOpensAFileOnDoubleClick(FxRobot robot) {
        Fx.until(() -> visibleNames(robot).size() == 3);
        assertThat(visibleNames(robot).subList(1, 3)).containsExactly("lib", "handler.py");
        robot.doubleClickOn("handler.py");
        Fx.until(() -> editor.selectedTab().map(t -> t.isLoaded()).orElse(false));
        assertThat(Fx.call(() -> editor.selectedTab().orElseThrow().editor().getText())).startsWith("def handler");
    }

    @Test
    void createRenameAndDeleteThroughTheContextMenu(FxRobot robot) {
        select(robot, "lib");
        names.add("util.py");
        robot.rightClickOn("lib").clickOn("New file\u2026");
        Fx.until(() -> visibleNames(robot).contains("util.py"));
        assertThat(tree.rootFolder().resolve("lib/util.py")).exists();
        assertThat(Fx.call(() -> editor.selectedTab().orElseThrow().getText())).isEqualTo("util.py");

        names.add("helpers.py");
        robot.rightClickOn("util.py").clickOn("Rename\u2026");
        Fx.until(() -> visibleNames(robot).contains("helpers.py"));
        assertThat(tree.rootFolder().resolve("lib/helpers.py")).exists();
        assertThat(tree.rootFolder().resolve("lib/util.py")).doesNotExist();
        assertThat(Fx.call(() -> editor.selectedTab().orElseThrow().getText())).isEqualTo("helpers.py");

        confirmDeletes = false;
        robot.rightClickOn("helpers.py").clickOn("Delete\u2026");
        assertThat(tree.rootFolder().resolve("lib/helpers.py")).exists();
        confirmDeletes = true;
        robot.rightClickOn("helpers.py").clickOn("Delete\u2026");
        Fx.until(() -> !visibleNames(robot).contains("helpers.py"));
        assertThat(tree.rootFolder().resolve("lib/helpers.py")).doesNotExist();
        assertThat(Fx.call(() -> editor.tabPane().getTabs())).isEmpty();

        names.add("docs");
        robot.rightClickOn("handler.py").clickOn("New folder\u2026");
        Fx.until(() -> visibleNames(robot).contains("docs"));
        assertThat(tree.rootFolder().resolve("docs")).isDirectory();
    }

    @Test
    void filesChangedOnDiskShowUpByThemselves(FxRobot robot) throws IOException {
        Fx.until(() -> visibleNames(robot).contains("handler.py"));
        Files.writeString(tree.rootFolder().resolve("external.txt"), "made elsewhere");
        Fx.until(() -> visibleNames(robot).contains("external.txt"));
        Files.delete(tree.rootFolder().resolve("external.txt"));
        Fx.until(() -> !visibleNames(robot).contains("external.txt"));
    }
}
