package dev.lambdaconsole.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.files.CloseConfirmation;
import dev.lambdaconsole.editor.files.EditorTab;
import dev.lambdaconsole.editor.files.FileDialogs;
import dev.lambdaconsole.editor.files.MultiFileEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MultiFileEditorUiTest {

    @TempDir
    Path dir;

    private MultiFileEditor editor;
    private final List<Path> asked = new ArrayList<>();
    private CloseConfirmation.Decision answer = CloseConfirmation.Decision.CANCEL;
    private final List<Path> askedReload = new CopyOnWriteArrayList<>();
    private volatile boolean reloadAnswer;
    private final List<String> saved = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<String> askName(String title, String initialName) {
                return Optional.empty();
            }

            @Override
            public boolean confirmDelete(Path path) {
                return false;
            }

            @Override
            public void showError(String message) {
                throw new AssertionError(message);
            }
        };
        CloseConfirmation confirmation = new CloseConfirmation() {
            @Override
            public Decision confirmClose(Path file) {
                asked.add(file);
                return answer;
            }

            @Override
            public boolean confirmReload(Path file) {
                askedReload.add(file);
                return reloadAnswer;
            }
        };
        editor = new MultiFileEditor(TaskRunner.fx(), confirmation, dialogs);
        editor.addSaveListener((file, text) -> saved.add(file.getFileName() + ":" + text));
        stage.setScene(new Scene(editor, 900, 500));
        stage.show();
    }

    private EditorTab open(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        EditorTab tab = Fx.call(() -> editor.open(file));
        Fx.until(tab::isLoaded);
        return tab;
    }

    private void typeAtEnd(FxRobot robot, EditorTab tab, String text) {
        robot.clickOn(tab.editor().area());
        Fx.run(() -> tab.editor().area().moveTo(tab.editor().area().getLength()));
        robot.write(text);
    }

    @Test
    void tabsShowADirtyMarkerUntilCtrlSSavesAtomically(FxRobot robot) throws IOException {
        EditorTab first = open("handler.py", "x = 1\n");
        EditorTab second = open("event.json", "{}\n");
        assertThat(Fx.call(() -> List.of(first.getText(), second.getText()))).containsExactly("handler.py", "event.json");
        Fx.run(() -> editor.tabPane().getSelectionModel().select(first));
        typeAtEnd(robot, first, "y = 2");
        assertThat(Fx.call(first::getText)).isEqualTo("\u25CF handler.py");
        assertThat(Fx.call(second::getText)).isEqualTo("event.json");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Fx.until(() -> !saved.isEmpty());
        assertThat(dir.resolve("handler.py")).hasContent("x = 1\ny = 2");
        assertThat(saved).containsExactly("handler.py:x = 1\ny = 2");
        assertThat(Fx.call(first::getText)).isEqualTo("handler.py");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("handler.py", "event.json");
        }
    }

    @Test
    void undoingBackToTheSavedTextClearsTheMarker(FxRobot robot) throws IOException {
        EditorTab tab = open("a.js", "let a = 1;\n");
        typeAtEnd(robot, tab, "a++;");
        assertThat(Fx.call(tab::getText)).startsWith("\u25CF");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(Fx.call(tab::getText)).isEqualTo("a.js");
    }

    @Test
    void closingUnsavedWorkAsksAndRespectsTheAnswer(FxRobot robot) throws IOException {
        EditorTab tab = open("main.go", "package main\n");
        typeAtEnd(robot, tab, "// edited");
        answer = CloseConfirmation.Decision.CANCEL;
        assertThat(Fx.call(() -> editor.close(tab))).isFalse();
        assertThat(asked).containsExactly(tab.getFile());
        assertThat(Fx.call(() -> editor.tabPane().getTabs())).contains(tab);

        answer = CloseConfirmation.Decision.SAVE;
        assertThat(Fx.call(() -> editor.close(tab))).isTrue();
        assertThat(Fx.call(() -> editor.tabPane().getTabs())).doesNotContain(tab);
        Fx.until(() -> Files.readString(dir.resolve("main.go")).equals("package main\n// edited"));
    }

    @Test
    void discardClosesWithoutSavingAndCleanTabsCloseWithoutAsking(FxRobot robot) throws IOException {
        EditorTab clean = open("clean.rb", "puts 1\n");
        EditorTab dirty = open("dirty.rb", "puts 2\n");
        typeAtEnd(robot, dirty, "puts 3");
        answer = CloseConfirmation.Decision.DISCARD;
        assertThat(Fx.call(() -> editor.closeAll())).isTrue();
        assertThat(asked).containsExactly(dirty.getFile());
        assertThat(dir.resolve("dirty.rb")).hasContent("puts 2");
        assertThat(Fx.call(() -> editor.tabPane().getTabs())).isEmpty();
        assertThat(clean.getFile()).exists();
    }

    @Test
    void openingAnOpenFileSelectsItsTab() throws IOException {
        EditorTab tab = open("x.yaml", "a: 1\n");
        open("y.yaml", "b: 2\n");
        assertThat(Fx.call(() -> editor.open(dir.resolve("x.yaml")))).isSameAs(tab);
        assertThat(Fx.call(() -> editor.tabPane().getTabs().size())).isEqualTo(2);
        assertThat(Fx.call(() -> editor.selectedTab().orElseThrow())).isSameAs(tab);
    }

    @Test
    void aCleanTabReloadsWhenItsFileChangesOnDisk(FxRobot robot) throws Exception {
        EditorTab tab = open("app.py", "x = 1\n");
        Fx.run(() -> tab.editor().area().moveTo(0, 3));
        Files.writeString(dir.resolve("app.py"), "x = 2\ny = 3\n");
        Fx.until(() -> tab.editor().getText().equals("x = 2\ny = 3\n"));
        assertThat(Fx.call(tab::isModified)).isFalse();
        assertThat(Fx.call(() -> tab.editor().area().getCaretPosition())).isEqualTo(3);
        assertThat(askedReload).isEmpty();
    }

    @Test
    void aDirtyTabAsksBeforeReloadingAndKeepsTheTextWhenTold(FxRobot robot) throws Exception {
        EditorTab tab = open("keep.py", "a = 1\n");
        typeAtEnd(robot, tab, "b");
        reloadAnswer = false;
        Files.writeString(dir.resolve("keep.py"), "changed = 1\n");
        Fx.until(() -> askedReload.size() == 1);
        assertThat(askedReload).containsExactly(tab.getFile());
        assertThat(Fx.call(() -> tab.editor().getText())).isEqualTo("a = 1\nb");
        assertThat(Fx.call(tab::isModified)).isTrue();

        reloadAnswer = true;
        Files.writeString(dir.resolve("keep.py"), "changed = 2\n");
        Fx.until(() -> tab.editor().getText().equals("changed = 2\n"));
        assertThat(askedReload).hasSize(2);
        assertThat(Fx.call(tab::isModified)).isFalse();
    }

    @Test
    void savingFromTheEditorIsNotMistakenForAnExternalChange(FxRobot robot) throws Exception {
        EditorTab tab = open("own.py", "v = 1\n");
        typeAtEnd(robot, tab, "w");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Fx.until(() -> saved.contains("own.py:v = 1\nw"));
        Fx.run(editor::checkForExternalChanges);
        Thread.sleep(300);
        Fx.run(() -> { });
        assertThat(Fx.call(() -> tab.editor().getText())).isEqualTo("v = 1\nw");
        assertThat(askedReload).isEmpty();
    }
}
