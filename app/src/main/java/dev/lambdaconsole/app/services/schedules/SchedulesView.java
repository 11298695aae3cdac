package dev.lambdaconsole.app.services.schedules;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import static dev.lambdaconsole.app.services.ServiceControls.bar;
import static dev.lambdaconsole.app.services.ServiceControls.button;
import static dev.lambdaconsole.app.services.ServiceControls.column;
import static dev.lambdaconsole.app.services.ServiceControls.refresh;
import static dev.lambdaconsole.app.services.ServiceControls.table;
import static dev.lambdaconsole.app.services.ServiceControls.text;

/** Every schedule rule with its next fire times and last firing; pause, resume, fire now. */
public final class SchedulesView extends BorderPane {
    private final Timeline pulse;
    private final AutoCloseable watching;

    public SchedulesView(SchedulesViewModel vm) {
        setId("schedulesView");
        setPadding(new Insets(8));
        TableView<SchedulesViewModel.ScheduleRow> table = table("schedulesTable", vm.schedules(),
                "No schedule rules (aws events put-rule --schedule-expression 'rate(5 minutes)' …)");
        table.getColumns().add(column("Rule", 130, SchedulesViewModel.ScheduleRow::name));
        table.getColumns().add(column("Expression", 150, SchedulesViewModel.ScheduleRow::expression));
        table.getColumns().add(column("Time zone", 70, SchedulesViewModel.ScheduleRow::timeZone));
        table.getColumns().add(column("State", 80, SchedulesViewModel.ScheduleRow::state));
        table.getColumns().add(column("Targets", 200, SchedulesViewModel.ScheduleRow::targets));
        table.getColumns().add(column("Next fire times", 170, SchedulesViewModel.ScheduleRow::nextText));
        table.getColumns().add(column("Last fired", 220, SchedulesViewModel.ScheduleRow::lastFired));
        var selected = table.getSelectionModel().selectedItemProperty();
        Button pause = button("pauseScheduleButton", "Pause", Feather.PAUSE, () -> vm.setEnabled(selected.get(), false));
        Button resume = button("resumeScheduleButton", "Resume", Feather.PLAY, () -> vm.setEnabled(selected.get(), true));
        Button fire = button("fireNowButton", "Fire now", Feather.ZAP, () -> vm.fireNow(selected.get()));
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null || !selected.get().enabled(), selected));
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null || selected.get().enabled(), selected));
        fire.disableProperty().bind(selected.isNull());
        // keep the selection across refreshes (rows are replaced)
        String[] kept = {null};
        selected.addListener((o, was, now) -> { if (now != null) kept[0] = now.arn(); });
        vm.schedules().addListener((javafx.collections.ListChangeListener<SchedulesViewModel.ScheduleRow>) c ->
                vm.schedules().stream().filter(r -> r.arn().equals(kept[0])).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r)));
        setTop(bar("Schedules", new HBox(6, pause, resume, fire, refresh("schedulesRefresh", vm::refresh))));
        setCenter(table);
        setBottom(text("schedulesMessage", vm.message()));
        watching = vm.watch();
        pulse = new Timeline(new KeyFrame(Duration.millis(250), e -> vm.drain()));
        pulse.setCycleCount(Animation.INDEFINITE);
        pulse.play();
    }

    public void close() {
        pulse.stop();
        try {
            watching.close();
        } catch (Exception ignored) {
            // a listener list's removal does not fail
        }
    }

    public static ServiceSection section(ConsoleServices services) {
        SchedulesViewModel vm = new SchedulesViewModel(services.simulators()::eventBridge, services.simulators()::push,
                services.tasks());
        SchedulesView view = new SchedulesView(vm);
        vm.refresh();
        return new ServiceSection("schedulesSection", "Schedules", Feather.CLOCK, view, view::close);
    }
}
