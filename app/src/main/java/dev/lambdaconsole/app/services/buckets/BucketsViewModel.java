package dev.lambdaconsole.app.services.buckets;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.simulators.s3.LocalBuckets;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Buckets section: the local S3's buckets, one bucket browsed by folders (prefix and delimiter {@code /}),
 * uploads (chosen or dropped files), downloads, deletes and an object's details. Everything that touches the
 * service or the disk runs in the background; the lists are refreshed after each action.
 */
public final class BucketsViewModel {
    /** A row of the object list: a folder (a common prefix) or an object. */
    public record Entry(String name, String key, boolean folder, long size, Instant lastModified, String etag) { }

    /** One step of the breadcrumb: its label and the prefix it opens ("" for the bucket's top). */
    public record Crumb(String label, String prefix) { }

    private final Supplier<Optional<LocalBuckets>> s3;
    private final TaskRunner tasks;
    private final ObservableList<LocalBuckets.Bucket> buckets = FXCollections.observableArrayList();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Crumb> breadcrumb = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper bucket = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper prefix = new ReadOnlyStringWrapper("");
    private final StringProperty newBucketName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper newBucketError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LocalBuckets.ObjectDetails> details = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();

    public BucketsViewModel(Supplier<Optional<LocalBuckets>> s3, TaskRunner tasks) {
        this.s3 = s3;
        this.tasks = tasks;
        newBucketName.addListener((o, a, b) -> newBucketError.set(nameError(b)));
        selected.addListener((o, a, b) -> showDetails(b));
    }

    public ObservableList<LocalBuckets.Bucket> buckets() { return buckets; }
    public ObservableList<Entry> entries() { return entries; }
    public ObservableList<Crumb> breadcrumb() { return breadcrumb; }
    /** The bucket being browsed, or null. */
    public ReadOnlyStringProperty bucketProperty() { return bucket.getReadOnlyProperty(); }
    public ReadOnlyStringProperty prefixProperty() { return prefix.getReadOnlyProperty(); }
    public StringProperty newBucketNameProperty() { return newBucketName; }
    /** Why the name typed cannot be a bucket's (S3's rule), empty when it can or nothing is typed. */
    public ReadOnlyStringProperty newBucketErrorProperty() { return newBucketError.getReadOnlyProperty(); }
    public BooleanBinding canCreateBucket() {
        return Bindings.createBooleanBinding(() -> !newBucketName.get().isBlank() && newBucketError.get().isEmpty(),
                newBucketName, newBucketError);
    }
    /** What the last action did, or the service's error. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The details of the selected object, or null. */
    public ReadOnlyObjectProperty<LocalBuckets.ObjectDetails> detailsProperty() { return details.getReadOnlyProperty(); }
    /** The row selected in the object list (a folder shows no details). */
    public ObjectProperty<Entry> selectedProperty() { return selected; }

    static String nameError(String name) {
        if (name == null || name.isEmpty()) return "";
        String problem = LocalBuckets.nameProblem(name);
        return problem == null ? "" : "Not a valid bucket name: " + problem + ". " + LocalBuckets.nameRule() + ".";
    }

    private LocalBuckets service() {
        return s3.get().orElseThrow(() -> new IllegalStateException("The local S3 is not running"));
    }

    private void done(String text) {
        failed.set(false);
        message.set(text);
    }

    private void fail(Throwable e) {
        failed.set(true);
        message.set(ServiceErrors.describe(e));
    }

    /** The buckets again, and the folder being browsed. */
    public void refresh() {
        String open = bucket.get();
        String at = prefix.get();
        tasks.run(() -> {
            List<LocalBuckets.Bucket> all = service().buckets();
            LocalBuckets.Folder folder = open != null && all.stream().anyMatch(b -> b.name().equals(open))
                    ? service().list(open, at) : null;
            return new Snapshot(all, folder);
        }).onSuccess(r -> {
            buckets.setAll(r.buckets());
            if (r.folder() != null) show(r.folder());
            else if (open != null) close();
        }).onFailure(this::fail);
    }

    /** The buckets and the open folder, read together. */
    private record Snapshot(List<LocalBuckets.Bucket> buckets, LocalBuckets.Folder folder) { }

    public void createBucket() {
        String name = newBucketName.get().trim();
        tasks.run(() -> {
            service().createBucket(name);
            return name;
        }).onSuccess(n -> {
            newBucketName.set("");
            done("Created bucket " + n);
            refresh();
        }).onFailure(this::fail);
    }

    /** DeleteBucket (the view asks first); S3's BucketNotEmpty when it holds objects. */
    public void deleteBucket(String name) {
        tasks.run(() -> {
            service().deleteBucket(name);
            return name;
        }).onSuccess(n -> {
            done("Deleted bucket " + n);
            if (n.equals(bucket.get())) close();
            refresh();
        }).onFailure(this::fail);
    }

    /** Browses a bucket from its top. */
    public void open(String name) {
        bucket.set(name);
        openFolder("");
    }

    /** Shows the folder {@code folderPrefix} (ends with / or is "") of the open bucket. */
    public void openFolder(String folderPrefix) {
        String name = bucket.get();
        if (name == null) return;
        tasks.run(() -> service().list(name, folderPrefix)).onSuccess(this::show).onFailure(this::fail);
    }

    private void close() {
        bucket.set(null);
        prefix.set("");
        entries.clear();
        breadcrumb.clear();
        details.set(null);
    }

    private void show(LocalBuckets.Folder f) {
        if (!f.bucket().equals(bucket.get())) return;
        prefix.set(f.prefix());
        List<Entry> rows = new ArrayList<>();
        for (String p : f.folders()) {
            String name = p.substring(f.prefix().length());
            rows.add(new Entry(name, p, true, 0, null, null));
        }
        for (LocalBuckets.ObjectSummary o : f.objects()) {
            rows.add(new Entry(o.key().substring(f.prefix().length()), o.key(), false, o.size(), o.lastModified(), o.etag()));
        }
        entries.setAll(rows);
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(f.bucket(), ""));
        int from = 0;
        for (int slash; (slash = f.prefix().indexOf('/', from)) >= 0; from = slash + 1) {
            crumbs.add(new Crumb(f.prefix().substring(from, slash), f.prefix().substring(0, slash + 1)));
        }
        breadcrumb.setAll(crumbs);
        LocalBuckets.ObjectDetails d = details.get();
        if (d != null && rows.stream().noneMatch(r -> r.key().equals(d.key()))) details.set(null);
    }

    private void showDetails(Entry e) {
        String name = bucket.get();
        if (e == null || e.folder() || name == null) {
            details.set(null);
            return;
        }
        tasks.run(() -> service().head(name, e.key())).onSuccess(details::set).onFailure(this::fail);
    }

    /**
     * Uploads files (a folder: every file under it, keys by their relative path) into the folder being browsed,
     * one PutObject each through the local S3; then lists the folder again.
     */
    public void upload(List<Path> files) {
        String name = bucket.get();
        String at = prefix.get();
        if (name == null || files.isEmpty()) return;
        busy.set(true);
        tasks.run(() -> {
            int n = 0;
            for (Path f : files) {
                if (Files.isDirectory(f)) {
                    try (Stream<Path> all = Files.walk(f)) {
                        for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                            String rel = f.getParent() == null ? p.toString() : f.getParent().relativize(p).toString();
                            service().upload(name, at + rel.replace(p.getFileSystem().getSeparator(), "/"), p);
                            n++;
                        }
                    }
                } else {
                    service().upload(name, at + f.getFileName(), f);
                    n++;
                }
            }
            return n;
        }).onSuccess(n -> done("Uploaded " + n + (n == 1 ? " file" : " files") + " to s3://" + name + "/" + at))
                .onFailure(this::fail).andFinally(() -> {
                    busy.set(false);
                    openFolder(at);
                });
    }

    /** GetObject into {@code target}, copied in the background. */
    public void download(String key, Path target) {
        String name = bucket.get();
        busy.set(true);
        tasks.run(() -> service().download(name, key, target))
                .onSuccess(n -> done("Downloaded " + key + " (" + n + " bytes) to " + target))
                .onFailure(this::fail).andFinally(() -> busy.set(false));
    }

    /** DeleteObject (the view asks first); then lists the folder again. */
    public void deleteObject(String key) {
        String name = bucket.get();
        String at = prefix.get();
        tasks.run(() -> {
            if (!service().delete(name, key)) throw new IOException("No object " + key + " in " + name);
            return key;
        }).onSuccess(k -> done("Deleted " + k)).onFailure(this::fail).andFinally(() -> openFolder(at));
    }
}
