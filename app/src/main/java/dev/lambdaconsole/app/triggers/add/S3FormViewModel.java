package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.s3.BucketNotification;
import dev.lambdaconsole.simulators.s3.S3Service;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Add trigger → S3: a bucket of the local S3 (or a new one, created), the event types, prefix and suffix. Adds a
 * LambdaFunctionConfiguration to the bucket's notification configuration, keeping the others; a configuration of
 * that bucket that overlaps (a common event type, keys both could match) is S3's error, shown at the events.
 */
public final class S3FormViewModel extends FormModel {
    /** One checkbox of the event types, as the Lambda console offers them. */
    public record EventChoice(String label, String event, BooleanProperty selected) { }

    private final SimulatorServices services;
    private final ObservableList<String> buckets = FXCollections.observableArrayList();
    private final ObservableList<BucketNotification> existing = FXCollections.observableArrayList();
    private final StringProperty bucket = new SimpleStringProperty("");
    private final StringProperty prefix = new SimpleStringProperty("");
    private final StringProperty suffix = new SimpleStringProperty("");
    private final List<EventChoice> events = List.of(
            choice("All object create events", "s3:ObjectCreated:*", true),
            choice("PUT", "s3:ObjectCreated:Put", false),
            choice("POST", "s3:ObjectCreated:Post", false),
            choice("COPY", "s3:ObjectCreated:Copy", false),
            choice("Multipart upload completed", "s3:ObjectCreated:CompleteMultipartUpload", false),
            choice("All object delete events", "s3:ObjectRemoved:*", false),
            choice("Permanently deleted", "s3:ObjectRemoved:Delete", false),
            choice("Delete marker created", "s3:ObjectRemoved:DeleteMarkerCreated", false),
            choice("All restore object events", "s3:ObjectRestore:*", false),
            choice("Restore initiated", "s3:ObjectRestore:Post", false),
            choice("Restore completed", "s3:ObjectRestore:Completed", false),
            choice("All object tagging events", "s3:ObjectTagging:*", false),
            choice("Object ACL put", "s3:ObjectAcl:Put", false));
    private final StringBinding bucketError;
    private final StringBinding eventsError;
    private final StringBinding prefixError;
    private final StringBinding suffixError;
    private final BooleanBinding newBucket;

    public S3FormViewModel(SimulatorServices services, EngineSettings settings, String function, TaskRunner tasks) {
        super(tasks, function, settings);
        this.services = services;
        bucketError = rule(() -> bucket.get().isBlank() ? "Choose a bucket or enter the name of a new one."
                : S3Service.bucketNameProblem(bucket.get().strip()), bucket);
        List<Observable> eventInputs = new ArrayList<>(List.of(existing, prefix, suffix, bucket));
        events.forEach(c -> eventInputs.add(c.selected()));
        eventsError = rule(this::eventsRule, eventInputs.toArray(new Observable[0]));
        prefixError = rule(() -> prefix.get().length() > 1024 ? "The prefix can have at most 1024 characters." : null, prefix);
        suffixError = rule(() -> suffix.get().length() > 1024 ? "The suffix can have at most 1024 characters." : null, suffix);
        newBucket = Bindings.createBooleanBinding(() -> !bucket.get().isBlank() && !buckets.contains(bucket.get().strip()),
                bucket, buckets);
        rulesDeclared();
        bucket.addListener((o, was, now) -> loadNotifications());
    }

    private static EventChoice choice(String label, String event, boolean selected) {
        return new EventChoice(label, event, new SimpleBooleanProperty(selected));
    }

    private String eventsRule() {
        List<String> chosen = selectedEvents();
        if (chosen.isEmpty()) return "At least one event is required.";
        for (BucketNotification n : existing) {
            if (n.overlaps(chosen, prefix.get(), suffix.get())) {
                return BucketNotification.OVERLAP + " It overlaps configuration " + n.id() + " (" + String.join(", ", n.events())
                        + (n.prefix() == null || n.prefix().isEmpty() ? "" : ", prefix " + n.prefix())
                        + (n.suffix() == null || n.suffix().isEmpty() ? "" : ", suffix " + n.suffix())
                        + " → " + n.arn() + "): choose other events or a prefix or suffix that keeps them apart.";
            }
        }
        return null;
    }

    public List<String> selectedEvents() {
        return events.stream().filter(c -> c.selected().get()).map(EventChoice::event).toList();
    }

    private S3Service s3() {
        return services.s3().orElseThrow(() -> new IllegalStateException("The local S3 is not running."));
    }

    /** Lists the buckets (in the background). */
    public void load() {
        tasks.run(() -> s3().bucketNames()).onSuccess(buckets::setAll);
    }

    /** The chosen bucket's configurations (for the overlap rule), read in the background. */
    private void loadNotifications() {
        String name = bucket.get().strip();
        tasks.run(() -> S3Service.bucketNameProblem(name) == null && s3().bucketNames().contains(name)
                        ? s3().notifications(name) : List.<BucketNotification>of())
                .onSuccess(list -> { if (name.equals(bucket.get().strip())) existing.setAll(list); });
    }

    @Override
    protected String create() {
        S3Service s3 = s3();
        String name = bucket.get().strip();
        boolean created = false;
        if (!s3.bucketNames().contains(name)) {
            s3.createBucket(name);
            created = true;
        }
        s3.addFunctionNotification(name, functionArn(), selectedEvents(), prefix.get(), suffix.get());
        return "S3 bucket " + name + (created ? " (new)" : "") + " → " + function + ": " + String.join(", ", selectedEvents());
    }

    public ObservableList<String> buckets() { return buckets; }
    public ObservableList<BucketNotification> existingNotifications() { return existing; }
    public List<EventChoice> events() { return events; }
    public StringProperty bucketProperty() { return bucket; }
    public StringProperty prefixProperty() { return prefix; }
    public StringProperty suffixProperty() { return suffix; }
    public StringBinding bucketError() { return bucketError; }
    public StringBinding eventsError() { return eventsError; }
    public StringBinding prefixError() { return prefixError; }
    public StringBinding suffixError() { return suffixError; }
    /** True when the bucket typed does not exist yet (Add creates it). */
    public BooleanBinding newBucketProperty() { return newBucket; }
}
