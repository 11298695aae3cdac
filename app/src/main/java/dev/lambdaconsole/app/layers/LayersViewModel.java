package dev.lambdaconsole.app.layers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.LayerStore;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Layers page: layer versions of the workspace; publish from a .zip, delete, add to a function. */
public final class LayersViewModel {
    private final Workspace workspace;
    private final LayerStore store;
    private final TaskRunner tasks;
    private final ObservableList<LayerStore.LayerVersion> layers = FXCollections.observableArrayList();
    private final ObservableList<String> functions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public LayersViewModel(Workspace workspace, LayerStore store, TaskRunner tasks) {
        this.workspace = workspace;
        this.store = store;
        this.tasks = tasks;
        reload();
    }

    public ObservableList<LayerStore.LayerVersion> layers() { return layers; }
    /** Function names, for "Add to function". */
    public ObservableList<String> functions() { return functions; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void reload() {
        tasks.run(() -> new Snapshot(store.list(), workspace.functions().stream().map(FunctionConfig::functionName)
                .sorted().toList())).onSuccess(s -> {
                    layers.setAll(s.layers());
                    functions.setAll(s.functions());
                }).onFailure(e -> message.set(TaskRunner.describe(e)));
    }

    private record Snapshot(List<LayerStore.LayerVersion> layers, List<String> functions) { }

    /** Publishes the .zip at {@code zip} as the next version of {@code name}. */
    public void publish(String name, Path zip) {
        tasks.run(() -> store.publish(name == null ? null : name.trim(), Files.readAllBytes(zip)))
                .onSuccess(v -> {
                    message.set("Published " + v.arn() + ".");
                    reload();
                }).onFailure(e -> message.set("Not published: " + TaskRunner.describe(e)));
    }

    public void delete(LayerStore.LayerVersion v) {
        tasks.run(() -> {
            store.delete(v.name(), v.version());
            return v;
        }).onSuccess(d -> {
            message.set("Deleted " + d.arn() + ".");
            reload();
        }).onFailure(e -> message.set(TaskRunner.describe(e)));
    }

    /** Adds the layer version to a function's configuration (Lambda allows five layers per function). */
    public void addToFunction(LayerStore.LayerVersion v, String function) {
        String sameLayer = v.arn().substring(0, v.arn().lastIndexOf(':') + 1);
        tasks.run(() -> workspace.updateConfiguration(function, b -> {
            // Another version of the same layer is replaced, as in Lambda's console.
            List<FunctionConfig.Layer> current = new ArrayList<>(b.build().layersOrEmpty());
            current.removeIf(l -> l.arn() != null && l.arn().startsWith(sameLayer));
            current.add(new FunctionConfig.Layer(v.arn(), v.sizeBytes()));
            return b.layers(current);
        })).onSuccess(c -> {
            message.set("Added " + v.arn() + " to " + function + "; its next invocation sees it under /opt.");
            reload();
        }).onFailure(e -> message.set("Not added to " + function + ": " + TaskRunner.describe(e)));
    }
}
