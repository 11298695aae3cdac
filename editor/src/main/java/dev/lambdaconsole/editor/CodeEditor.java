package dev.lambdaconsole.editor;

import dev.lambdaconsole.editor.editing.BracketHighlighting;
import dev.lambdaconsole.editor.editing.CurrentLineHighlight;
import dev.lambdaconsole.editor.editing.EditingKeys;
import dev.lambdaconsole.editor.editing.IndentGuides;
import dev.lambdaconsole.editor.editing.OccurrenceEditing;
import dev.lambdaconsole.editor.find.FindFeature;
import dev.lambdaconsole.editor.gutter.Gutter;
import dev.lambdaconsole.editor.gutter.LineNumbers;
import dev.lambdaconsole.editor.highlight.PreparedText;
import dev.lambdaconsole.editor.highlight.SyntaxHighlighting;
import dev.lambdaconsole.editor.json.JsonFormatException;
import dev.lambdaconsole.editor.json.JsonTools;
import dev.lambdaconsole.editor.problems.Checker;
import dev.lambdaconsole.editor.problems.ProblemChecking;
import dev.lambdaconsole.editor.problems.ProblemMarkers;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.SyntaxDefinition;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * A code editor: an {@link EditorArea} in a scroll pane with a gutter, syntax colours, editing
 * keys, bracket matching, find/replace, go-to-line and problem markers, each plugged in as an
 * {@link EditorFeature}. Knows nothing about files; see {@code files.MultiFileEditor} for that.
 */
public class CodeEditor extends BorderPane {

    private final EditorArea area = new EditorArea();
    private final VBox bars = new VBox();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language", Language.PLAIN_TEXT);
    private final ObjectProperty<ColorScheme> colorScheme = new SimpleObjectProperty<>(this, "colorScheme", ColorScheme.LIGHT);
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified", false);
    private final Gutter gutter = new Gutter(area);
    private final ProblemMarkers problems = new ProblemMarkers();
    private final SyntaxHighlighting highlighting = new SyntaxHighlighting(problems::decorations);
    private final ProblemChecking checking = new ProblemChecking(problems);
    private final IndentGuides indentGuides = new IndentGuides();
    private final OccurrenceEditing occurrences = new OccurrenceEditing();
    private final List<EditorFeature> features = new ArrayList<>();

    public CodeEditor() {
        this(Language.PLAIN_TEXT);
    }

    public CodeEditor(Language initialLanguage) {
        getStyleClass().add("code-editor");
        getStylesheets().add(CodeEditor.class.getResource("editor.css").toExternalForm());
        setCenter(new VirtualizedScrollPane<>(area));
        setTop(bars);
        gutter.add(new LineNumbers(area, gutter));
        area.getUndoManager().atMarkedPositionProperty().addListener((obs, was, clean) -> modified.set(!clean));
        language.addListener((obs, old, now) -> languageChanged(old, now));
        colorScheme.addListener((obs, old, now) -> applyStylesheets());
        applyStylesheets();
        for (EditorFeature feature : List.of(problems, highlighting, checking, new EditingKeys(),
                new BracketHighlighting(), new CurrentLineHighlight(), new FindFeature(), occurrences)) {
            addFeature(feature);
        }
        highlighting.setBulkReplaceAllowed(() -> !occurrences.isActive());
        language.set(initialLanguage);
    }

    public EditorArea area() {
        return area;
    }

    public Gutter gutter() {
        return gutter;
    }

    public ProblemMarkers problems() {
        return problems;
    }

    public SyntaxHighlighting highlighting() {
        return highlighting;
    }

    public SyntaxDefinition syntax() {
        return SyntaxDefinitions.definition(getLanguage());
    }

    public void addFeature(EditorFeature feature) {
        features.add(feature);
        feature.install(this);
    }

    public void removeFeature(EditorFeature feature) {
        if (features.remove(feature)) {
            feature.uninstall(this);
        }
    }

    /** Loads a new document: no undo history, not modified, coloured and checked straight away. */
    public void setText(String text) {
        area.load(text);
        highlighting.rehighlightAll();
        checking.checkNow();
    }

    /** True when {@link #formatDocument()} can format the current language (JSON). */
    public boolean canFormat() {
        return getLanguage() == Language.JSON;
    }

    /**
     * Pretty-prints the whole document (JSON: two-space indent, key order and number digits kept)
     * as one undoable edit; also bound to Ctrl+Shift+F. Returns false when the language has no
     * formatter; leaves the text alone and throws when the JSON is invalid.
     */
    public boolean formatDocument() throws JsonFormatException {
        if (!canFormat()) {
            return false;
        }
        String text = area.getText();
        String formatted = JsonTools.format(text);
        if (!formatted.equals(text)) {
            int line = area.getCurrentParagraph();
            area.replaceText(0, area.getLength(), formatted);
            area.moveTo(Math.min(line, area.getParagraphs().size() - 1), 0);
            area.requestFollowCaret();
        }
        return true;
    }

    /**
     * Loads a text lexed and coloured beforehand with {@link PreparedText#of} (on a background
     * thread): the FX thread only swaps the document in. Switches to the text's language.
     */
    public void setText(PreparedText text) {
        setLanguage(text.language());
        area.load(text.document());
        highlighting.adopt(text);
        checking.checkNow();
    }

    public String getText() {
        return area.getText();
    }

    /** Declares the current text saved: {@link #modifiedProperty()} turns false until the next edit. */
    public void markSaved() {
        area.getUndoManager().mark();
        modified.set(false);
    }

    /** A save did not reach the disk: the text counts as modified again. */
    public void markSaveFailed() {
        modified.set(true);
    }

    /** True when the text differs from the last load or save (undoing back to it clears it). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public boolean isModified() {
        return modified.get();
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language getLanguage() {
        return language.get();
    }

    public void setLanguage(Language value) {
        language.set(value);
    }

    public ObjectProperty<ColorScheme> colorSchemeProperty() {
        return colorScheme;
    }

    public void setColorScheme(ColorScheme scheme) {
        colorScheme.set(scheme);
    }

    /** Replaces the language's default checker (for example with one that knows the project). */
    public void setChecker(Checker checker) {
        checking.setChecker(checker);
    }

    /** Shows or hides indentation guides (tinted indentation levels). */
    public void setIndentGuidesVisible(boolean visible) {
        if (visible && !features.contains(indentGuides)) {
            addFeature(indentGuides);
        } else if (!visible) {
            removeFeature(indentGuides);
        }
    }

    /** Shows a bar (find, go to line) above the text. */
    public void showBar(Node bar) {
        if (!bars.getChildren().contains(bar)) {
            bars.getChildren().add(bar);
        }
    }

    public void hideBar(Node bar) {
        bars.getChildren().remove(bar);
        area.requestFocus();
    }

    private void languageChanged(Language old, Language now) {
        getStyleClass().remove("lang-" + old.id());
        getStyleClass().add("lang-" + now.id());
        applyStylesheets();
        highlighting.setHighlighter(SyntaxDefinitions.highlighter(now));
        checking.setChecker(dev.lambdaconsole.editor.problems.Checkers.forLanguage(now));
    }

    private void applyStylesheets() {
        List<String> sheets = new ArrayList<>();
        sheets.add(CodeEditor.class.getResource("editor.css").toExternalForm());
        sheets.add(getColorScheme().stylesheetUrl());
        String languageSheet = SyntaxDefinitions.stylesheet(getLanguage());
        if (languageSheet != null) {
            sheets.add(languageSheet);
        }
        getStylesheets().setAll(sheets);
    }

    public ColorScheme getColorScheme() {
        return colorScheme.get();
    }
}
