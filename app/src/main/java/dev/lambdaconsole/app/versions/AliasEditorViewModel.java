package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Create or edit one alias: its name (fixed once created), description, the version it points at, and optionally an
 * additional published version with the share of invocations it gets (a weight of 0 to 100 %). Each field says which
 * of Lambda's rules it breaks as it is typed; {@link #save} asks Lambda (the workspace) and reports its refusal.
 */
public final class AliasEditorViewModel {
    /** Letters, digits, hyphens and underscores, not all digits (that would read as a version), as Lambda has it. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final int MAX_NAME = 128;
    private static final int MAX_DESCRIPTION = 256;

    private final String function;
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final UnaryOperator<String> functionArn;
    private final Alias editing;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final ObservableList<String> additionalChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> version = new SimpleObjectProperty<>();
    private final ObjectProperty<String> additionalVersion = new SimpleObjectProperty<>();
    private final DoubleProperty weightPercent = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper split = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);

    /**
     * @param versions the function's versions as the choosers offer them: {@code $LATEST} and the published numbers
     * @param editing  the alias to edit, or null to create one
     */
    public AliasEditorViewModel(String function, Workspace workspace, TaskRunner tasks, UnaryOperator<String> functionArn,
                                List<String> versions, Alias editing) {
        this.function = function;
        this.workspace = workspace;
        this.tasks = tasks;
        this.functionArn = functionArn;
        this.editing = editing;
        this.versions.setAll(versions);
        version.addListener((o, was, now) -> {
            offerAdditional();
            update();
        });
        additionalVersion.addListener((o, was, now) -> update());
        weightPercent.addListener((o, was, now) -> update());
        name.addListener((o, was, now) -> update());
        description.addListener((o, was, now) -> update());
        if (editing != null) {
            name.set(editing.name());
            description.set(editing.descriptionOrEmpty());
            version.set(editing.functionVersion());
            editing.weights().entrySet().stream().findFirst().ifPresent(w -> {
                additionalVersion.set(w.getKey());
                weightPercent.set(Math.round(w.getValue() * 1000) / 10.0);
            });
        } else {
            // the newest published version, as the Lambda console suggests; $LATEST when none is published
            version.set(versions.isEmpty() ? FunctionVersion.LATEST : versions.get(versions.size() - 1));
        }
        offerAdditional();
        update();
    }

    public boolean creating() { return editing == null; }
    public String function() { return function; }
    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    /** What the version chooser offers: $LATEST and the published versions. */
    public ObservableList<String> versions() { return versions; }
    /** What the additional-version chooser offers: the published versions other than the alias's own. */
    public ObservableList<String> additionalChoices() { return additionalChoices; }
    public ObjectProperty<String> versionProperty() { return version; }
    /** The additional version, or null for none. */
    public ObjectProperty<String> additionalVersionProperty() { return additionalVersion; }
    /** The share of invocations the additional version gets, 0 to 100 (%). */
    public DoubleProperty weightPercentProperty() { return weightPercent; }
    /** Where invocations go: "90 % → 1, 10 % → 2", or "100 % → 1" with no additional version. */
    public ReadOnlyStringProperty splitProperty() { return split.getReadOnlyProperty(); }
    /** The first rule a field breaks, in words; empty when the alias can be saved. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Why Lambda refused the last save; empty otherwise. */
    public ReadOnlyStringProperty saveErrorProperty() { return saveError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }

    /** Routing needs a published version on both sides: with $LATEST there is no additional version. */
    private void offerAdditional() {
        String primary = version.get();
        List<String> others = versions.stream()
                .filter(v -> !FunctionVersion.LATEST.equals(v) && !v.equals(primary)).toList();
        if (FunctionVersion.LATEST.equals(primary)) others = List.of();
        if (!additionalChoices.equals(others)) additionalChoices.setAll(others);
        if (additionalVersion.get() != null && !others.contains(additionalVersion.get())) additionalVersion.set(null);
    }

    /** Whether the weight slider applies (an additional version is chosen). */
    public boolean routed() { return additionalVersion.get() != null; }

    private double weight() { return Math.max(0, Math.min(100, Math.round(weightPercent.get() * 10) / 10.0)); }

    private void update() {
        saveError.set("");
        String primary = version.get() == null ? "?" : version.get();
        if (additionalVersion.get() == null) {
            split.set("100 % → " + primary);
        } else {
            double w = weight();
            split.set(percent(100 - w) + " % → " + primary + ", " + percent(w) + " % → " + additionalVersion.get());
        }
        problem.set(findProblem());
    }

    private static String percent(double p) {
        double r = Math.round(p * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private String findProblem() {
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) return "Enter a name for the alias.";
        if (n.length() > MAX_NAME) return "The name is longer than " + MAX_NAME + " characters.";
        if (!NAME.matcher(n).matches()) return "The name may contain only letters, digits, hyphens (-) and underscores (_).";
        if (n.chars().allMatch(Character::isDigit)) return "The name cannot be only digits: that reads as a version number.";
        String d = description.get() == null ? "" : description.get();
        if (d.length() > MAX_DESCRIPTION) return "The description is longer than " + MAX_DESCRIPTION + " characters.";
        if (version.get() == null) return "Choose the version the alias points at.";
        return "";
    }

    /** The weights the alias gets: the additional version's share (0 to 1), or none. */
    Map<String, Double> weights() {
        return additionalVersion.get() == null ? Map.of() : Map.of(additionalVersion.get(), Math.round(weight() * 10) / 1000.0);
    }

    /** Creates or updates the alias; {@code onSaved} gets it (on the UI thread); a refusal lands in saveError. */
    public void save(Consumer<Alias> onSaved) {
        if (saving.get() || !problem.get().isEmpty()) return;
        String n = name.get().trim();
        String d = description.get() == null ? "" : description.get();
        String v = version.get();
        Map<String, Double> w = weights();
        saving.set(true);
        tasks.run(() -> editing == null
                        ? workspace.createAlias(function, n, v, d, w)
                        : workspace.updateAlias(function, editing.name(), v, d, w, editing.revisionId()))
                .onSuccess(onSaved::accept)
                .onFailure(e -> saveError.set(VersionErrors.describe(e, functionArn)))
                .andFinally(() -> saving.set(false));
    }
}
