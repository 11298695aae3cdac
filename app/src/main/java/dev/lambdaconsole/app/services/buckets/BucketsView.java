package dev.lambdaconsole.app.services.buckets;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.services.FxServiceDialogs;
import dev.lambdaconsole.app.services.ServiceDialogs;
import dev.lambdaconsole.simulators.s3.LocalBuckets;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleStringProperty;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Buckets section: buckets on the left, the open bucket's folder, its objects and details on the right. */
public final class BucketsView extends SplitPane {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final BucketsViewModel vm;
    private ServiceDialogs dialogs = new FxServiceDialogs(this);
    private final TableView<BucketsViewModel.Entry> objects = new TableView<>();

    public BucketsView(BucketsViewModel vm) {
        this.vm = vm;
        setId("bucketsView");
        getItems().addAll(bucketPane(), objectPane());
        setDividerPositions(0.28);
        vm.refresh();
    }

    /** Who answers the confirmations and file choosers (windows, unless a test answers). */
    public void setDialogs(ServiceDialogs dialogs) { this.dialogs = dialogs; }

    private VBox bucketPane() {
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("bucketsRefreshButton");
        refresh.setOnAction(e -> vm.refresh());
        TextField name = new TextField();
        name.setId("newBucketField");
        name.setPromptText("new-bucket-name");
        name.textProperty().bindBidirectional(vm.newBucketNameProperty());
        Button create = new Button("New bucket", new FontIcon(Feather.PLUS));
        create.setId("createBucketButton");
        create.disableProperty().bind(vm.canCreateBucket().not());
        create.setOnAction(e -> vm.createBucket());
        name.setOnAction(e -> { if (!create.isDisabled()) vm.createBucket(); });
        HBox.setHgrow(name, Priority.ALWAYS);
        Label error = errorLabel("newBucketError", vm.newBucketErrorProperty());
        ListView<LocalBuckets.Bucket> list = new ListView<>(vm.buckets());
        list.setId("bucketList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LocalBuckets.Bucket b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.name() + "   (" + b.region() + ", created " + TIME.format(b.created()) + ")");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.name().equals(vm.bucketProperty().get())) vm.open(b.name());
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button delete = new Button("Delete bucket", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteBucketButton");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            LocalBuckets.Bucket b = list.getSelectionModel().getSelectedItem();
            if (b != null && dialogs.confirm("Delete bucket " + b.name() + "?", "S3 deletes a bucket only when it is "
                    + "empty. This cannot be undone.", "Delete bucket")) {
                vm.deleteBucket(b.name());
            }
        });
        Label message = new Label();
        message.setId("bucketsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, b));
        VBox box = new VBox(8, new HBox(8, refresh), new HBox(8, name, create), error, list, delete, message);
        box.setPadding(new Insets(8));
        return box;
    }

    static Label errorLabel(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private BorderPane objectPane() {
        HBox crumbs = new HBox(2);
        crumbs.setId("bucketCrumbs");
        crumbs.setAlignment(Pos.CENTER_LEFT);
        vm.breadcrumb().addListener((javafx.collections.ListChangeListener<BucketsViewModel.Crumb>) c -> {
            crumbs.getChildren().clear();
            for (BucketsViewModel.Crumb crumb : vm.breadcrumb()) {
                if (!crumbs.getChildren().isEmpty()) crumbs.getChildren().add(new Label("/"));
                Hyperlink link = new Hyperlink(crumb.label());
                link.getStyleClass().add("bucket-crumb");
                link.setOnAction(e -> vm.openFolder(crumb.prefix()));
                crumbs.getChildren().add(link);
            }
        });
        Button upload = new Button("Upload", new FontIcon(Feather.UPLOAD));
        upload.setId("uploadButton");
        upload.disableProperty().bind(vm.bucketProperty().isNull().or(vm.busyProperty()));
        upload.setOnAction(e -> vm.upload(dialogs.chooseFiles("Upload to " + location())));
        Button download = new Button("Download", new FontIcon(Feather.DOWNLOAD));
        download.setId("downloadButton");
        download.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || vm.selectedProperty().get().folder(), vm.selectedProperty()).or(vm.busyProperty()));
        download.setOnAction(e -> {
            BucketsViewModel.Entry entry = vm.selectedProperty().get();
            Path target = dialogs.chooseSaveTarget("Download " + entry.key(), entry.name());
            if (target != null) vm.download(entry.key(), target);
        });
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteObjectButton");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(download.disableProperty());
        delete.setOnAction(e -> {
            BucketsViewModel.Entry entry = vm.selectedProperty().get();
            if (dialogs.confirm("Delete " + entry.key() + "?", "The object is deleted from s3://" + vm.bucketProperty().get()
                    + " and its file from the bucket's folder (an ObjectRemoved:Delete notification).", "Delete")) {
                vm.deleteObject(entry.key());
            }
        });
        Label hint = new Label("Drop files here to upload them");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox tools = new HBox(8, upload, download, delete, hint);
        tools.setAlignment(Pos.CENTER_LEFT);

        objects.setId("objectTable");
        objects.setItems(vm.entries());
        objects.setPlaceholder(new Label("Choose a bucket; drop files here to upload them"));
        TableColumn<BucketsViewModel.Entry, String> nameCol = column("Name", BucketsViewModel.Entry::name, 260);
        objects.getColumns().add(nameCol);
        objects.getColumns().add(column("Size", e -> e.folder() ? "" : size(e.size()), 90));
        objects.getColumns().add(column("Last modified", e -> e.folder() ? "" : TIME.format(e.lastModified()), 150));
        objects.getColumns().add(column("ETag", e -> e.folder() ? "" : e.etag(), 260));
        objects.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        objects.setRowFactory(t -> {
            TableRow<BucketsViewModel.Entry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().folder()) vm.openFolder(row.getItem().key());
            });
            return row;
        });
        objects.setOnDragOver(this::dragOver);
        objects.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            dropFiles(files.stream().map(File::toPath).toList());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });

        VBox top = new VBox(6, crumbs, tools);
        top.setPadding(new Insets(8, 8, 4, 8));
        BorderPane pane = new BorderPane(objects);
        pane.setTop(top);
        pane.setBottom(detailsPane());
        return pane;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && vm.bucketProperty().get() != null) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    /** What dropping files from the desktop on the object list does: uploads them into the folder shown. */
    public void dropFiles(List<Path> files) {
        if (vm.bucketProperty().get() != null) vm.upload(files);
    }

    private String location() { return "s3://" + vm.bucketProperty().get() + "/" + vm.prefixProperty().get(); }

    private GridPane detailsPane() {
        GridPane grid = new GridPane();
        grid.setId("objectDetails");
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        vm.detailsProperty().addListener((o, a, d) -> {
            grid.getChildren().clear();
            if (d == null) return;
            Map<String, String> rows = new java.util.LinkedHashMap<>();
            rows.put("Key", d.key());
            rows.put("S3 URI", d.uri());
            rows.put("Local file", d.file().toString());
            rows.put("Size", size(d.size()) + " (" + d.size() + " bytes)");
            rows.put("Content type", d.contentType());
            rows.put("Last modified", TIME.format(d.lastModified()));
            rows.put("ETag", "\"" + d.etag() + "\"");
            new TreeMap<>(d.checksums()).forEach((k, v) -> rows.put("Checksum " + k, v + (d.checksumType() == null ? "" : " (" + d.checksumType() + ")")));
            d.headers().forEach((k, v) -> { if (!k.equals("Content-Type")) rows.put(k, v); });
            if (d.metadata().isEmpty()) rows.put("Metadata", "none");
            else d.metadata().forEach((k, v) -> rows.put("x-amz-meta-" + k, v));
            int i = 0;
            for (Map.Entry<String, String> r : rows.entrySet()) {
                Label k = new Label(r.getKey());
                k.getStyleClass().add(Styles.TEXT_MUTED);
                TextField v = new TextField(r.getValue());
                v.setEditable(false);
                v.getStyleClass().add("detail-value");
                v.setId("detail-" + r.getKey().replace(' ', '-'));
                GridPane.setHgrow(v, Priority.ALWAYS);
                grid.addRow(i++, k, v);
            }
        });
        return grid;
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format("%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format("%.1f MB", bytes / (1024.0 * 1024));
        return String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
