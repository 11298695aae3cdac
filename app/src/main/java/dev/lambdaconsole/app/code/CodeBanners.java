package dev.lambdaconsole.app.code;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The messages above the editor: recovered work, "Changes not deployed", and the last action's outcome. */
final class CodeBanners extends VBox {

    CodeBanners(CodeViewModel vm, Consumer<List<Path>> restored, Runnable showFirstProblem) {
        super(6);
        setPadding(new Insets(0, 0, 6, 0));
        getChildren().addAll(recovery(vm, restored), undeployed(vm), status(vm, showFirstProblem));
    }

    private static Node recovery(CodeViewModel vm, Consumer<List<Path>> restored) {
        Message message = new Message("Unsaved changes recovered", "", new FontIcon(Feather.LIFE_BUOY));
        message.getStyleClass().add(Styles.WARNING);
        message.descriptionProperty().bind(Bindings.createStringBinding(() -> "A session ended before these files were "
                + "saved: " + String.join(", ", vm.recoverable()) + ". Restore puts that text back into the draft.",
                vm.recoverable()));
        Button restore = new Button("Restore", new FontIcon(Feather.ROTATE_CCW));
        restore.setId("restoreRecoveryButton");
        restore.setOnAction(e -> vm.restoreRecovery(restored));
        Button discard = new Button("Discard");
        discard.setId("discardRecoveryButton");
        discard.getStyleClass().add(Styles.FLAT);
        discard.setOnAction(e -> vm.discardRecovery());
        HBox banner = new HBox(8, message, restore, discard);
        banner.setId("recoveryBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        showWhen(banner, Bindings.isNotEmpty(vm.recoverable()));
        return banner;
    }

    private static Node undeployed(CodeViewModel vm) {
        Message banner = new Message("Changes not deployed",
                "The function still runs the code deployed before. Deploy (Ctrl+S) to run your changes.",
                new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setId("undeployedBanner");
        banner.getStyleClass().add(Styles.WARNING);
        showWhen(banner, vm.undeployedProperty());
        return banner;
    }

    /** A fresh message per outcome: the Message skin lays out its title only when it has one at creation. */
    private static Node status(CodeViewModel vm, Runnable showFirstProblem) {
        CodeStatus status = vm.status();
        VBox holder = new VBox();
        javafx.beans.InvalidationListener rebuild = o -> {
            CodeStatus.Kind kind = status.kind();
            holder.getChildren().clear();
            if (kind == CodeStatus.Kind.NONE) return;
            boolean error = kind == CodeStatus.Kind.ERROR;
            Message banner = new Message(status.title(), status.detail(),
                    new FontIcon(error ? Feather.X_CIRCLE : Feather.CHECK_CIRCLE));
            banner.setId("deployStatus");
            banner.getStyleClass().add(error ? Styles.DANGER : Styles.SUCCESS);
            banner.setOnClose(e -> status.clear());
            if (!vm.compileProblems().isEmpty()) banner.setActionHandler(showFirstProblem);
            holder.getChildren().add(banner);
        };
        status.kindProperty().addListener(rebuild);
        status.titleProperty().addListener(rebuild);
        status.detailProperty().addListener(rebuild);
        showWhen(holder, status.kindProperty().isNotEqualTo(CodeStatus.Kind.NONE));
        return holder;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.managedProperty().bind(condition);
        node.visibleProperty().bind(condition);
    }
}
