package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Add trigger's S3 form. */
public final class S3FormView implements TriggerForm {
    private final S3FormViewModel vm;
    private final VBox node;

    public S3FormView(ConsoleServices services, String function) {
        vm = new S3FormViewModel(services.simulators(), services.engine().settings(), function, services.tasks());
        ComboBox<String> bucket = SqsFormView.queuePicker("s3Bucket", vm.buckets(), vm.bucketProperty());
        Label created = FormFields.muted("A new bucket of this name will be created.");
        created.setId("s3NewBucket");
        created.visibleProperty().bind(vm.newBucketProperty().and(Bindings.isNull(vm.bucketError())));
        created.managedProperty().bind(created.visibleProperty());
        FlowPane events = new FlowPane(14, 8);
        events.setPrefWrapLength(640);
        int i = 0;
        for (S3FormViewModel.EventChoice c : vm.events()) {
            CheckBox box = FormFields.check("s3Event" + i++, c.label(), c.selected());
            box.setUserData(c.event());
            events.getChildren().add(box);
        }
        TextField prefix = FormFields.text("s3Prefix", "e.g. images/", 24);
        prefix.textProperty().bindBidirectional(vm.prefixProperty());
        TextField suffix = FormFields.text("s3Suffix", "e.g. .jpg", 24);
        suffix.textProperty().bindBidirectional(vm.suffixProperty());
        node = new VBox(14,
                FormFields.field("Bucket", new VBox(4, bucket, created), vm.bucketError(), vm.bucketProperty(), "s3BucketError",
                        "Pick a bucket of the local S3 (folders of the workspace's buckets folder), or type a new name."),
                FormFields.field("Event types", events, vm.eventsError(), null, "s3EventsError", null),
                FormFields.field("Prefix", prefix, vm.prefixError(), vm.prefixProperty(), "s3PrefixError",
                        "Only keys starting with these characters (optional)."),
                FormFields.field("Suffix", suffix, vm.suffixError(), vm.suffixProperty(), "s3SuffixError",
                        "Only keys ending with these characters (optional)."),
                FormFields.muted("The function is invoked asynchronously for each event. If it writes to the same "
                        + "bucket, use a prefix or suffix that its own objects do not match, or it invokes itself."));
        vm.load();
    }

    S3FormViewModel viewModel() { return vm; }

    @Override public String id() { return "s3"; }
    @Override public String title() { return "S3"; }
    @Override public Ikon icon() { return Feather.ARCHIVE; }
    @Override public Node node() { return node; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }
}
