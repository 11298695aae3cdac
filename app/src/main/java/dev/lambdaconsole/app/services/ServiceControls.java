package dev.lambdaconsole.app.services;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** The controls the Services sections share: fields bound to a ViewModel, error labels, tables, headings. */
public final class ServiceControls {
    private ServiceControls() { }

    public static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    public static TextArea area(String id, StringProperty value, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(rows);
        a.setStyle("-fx-font-family: monospace;");
        a.textProperty().bindBidirectional(value);
        return a;
    }

    /** A read-only text area showing a property (a response, an event). */
    public static TextArea output(String id, ReadOnlyStringProperty value, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.setStyle("-fx-font-family: monospace;");
        a.textProperty().bind(value);
        return a;
    }

    /** A label beside a field, shown only while the field has a problem. */
    public static Label error(String id, ReadOnlyStringProperty problem) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.textProperty().bind(problem);
        l.visibleProperty().bind(problem.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    public static Label text(String id, ReadOnlyStringProperty value) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(value);
        return l;
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    /** A labelled row: the label above the control and its error below. */
    public static VBox row(String label, Node control, Node error) {
        VBox box = new VBox(3, new Label(label), control);
        if (error != null) box.getChildren().add(error);
        return box;
    }

    public static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    public static Button refresh(String id, Runnable action) {
        return button(id, "Refresh", Feather.REFRESH_CW, action);
    }

    public static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    public static <R> TableView<R> table(String id, javafx.collections.ObservableList<R> items, String empty) {
        TableView<R> t = new TableView<>(items);
        t.setId(id);
        t.setPlaceholder(new Label(empty));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    /** A bar of controls with a title at the left. */
    public static HBox bar(String title, Node... controls) {
        Label t = heading(title);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, t, grow);
        bar.getChildren().addAll(controls);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 0, 4, 0));
        return bar;
    }
}
