package dev.lambdaconsole.app.create;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.create.CreateFunctionViewModel.Mode;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The three ways to start, as selectable cards with a radio button each (as in the web console): author from
 * scratch, use a blueprint, container image. A click anywhere on a card chooses it.
 */
final class OptionTiles extends HBox {
    private static final String CARD = "-fx-border-radius: 6; -fx-background-radius: 6; -fx-border-width: 2;"
            + " -fx-padding: 12; -fx-cursor: hand;";
    private static final String CHOSEN = CARD + " -fx-border-color: -color-accent-emphasis;"
            + " -fx-background-color: -color-accent-subtle;";
    private static final String OTHER = CARD + " -fx-border-color: -color-border-default;";
    private final ToggleGroup group = new ToggleGroup();

    OptionTiles(ObjectProperty<Mode> mode) {
        super(12);
        getChildren().addAll(
                tile("optionScratch", Mode.SCRATCH, Feather.EDIT_3, "Author from scratch",
                        "Start from a small example that logs the event and returns a greeting."),
                tile("optionBlueprint", Mode.BLUEPRINT, Feather.GRID, "Use a blueprint",
                        "Start from sample code for a common case: S3 objects, SQS batches, API requests, schedules."),
                tile("optionImage", Mode.IMAGE, Feather.PACKAGE, "Container image",
                        "Run a container image that holds the runtime and the code, from Docker or a registry."));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) mode.set((Mode) now.getUserData());
        });
        mode.addListener((o, was, now) -> select(now));
        select(mode.get());
    }

    private void select(Mode mode) {
        group.getToggles().stream().filter(t -> t.getUserData() == mode).findFirst().ifPresent(group::selectToggle);
    }

    private VBox tile(String id, Mode mode, Feather icon, String title, String description) {
        RadioButton radio = new RadioButton(title);
        radio.setId(id);
        radio.setUserData(mode);
        radio.setToggleGroup(group);
        radio.setMnemonicParsing(false);
        radio.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label(description);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(20);
        HBox head = new HBox(8, radio, new Region(), glyph);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        VBox card = new VBox(8, head, text);
        card.setPrefWidth(300);
        card.setMaxWidth(Double.MAX_VALUE);
        card.styleProperty().bind(radio.selectedProperty().map(chosen -> chosen ? CHOSEN : OTHER));
        card.setOnMouseClicked(e -> radio.setSelected(true));
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }
}
