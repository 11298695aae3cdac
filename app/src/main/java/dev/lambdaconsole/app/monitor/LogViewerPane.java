package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogStreamInfo;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.List;

/**
 * The log viewer: streams on the left ("All streams" first, then newest first), a toolbar (filter by substring,
 * CloudWatch filter pattern or regex, applied as typing pauses, with what is wrong with it beside it; time
 * range, live tail, copy, export), the invocation being shown, and the
 * events in a fixed-row-height list over a {@link PagedLogList}.
 */
final class LogViewerPane extends BorderPane {
    static final int MAX_COPY = 100_000;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final LogStreamInfo ALL = new LogStreamInfo("", "", 0, 0, 0);

    private final LogViewerViewModel vm;
    private final ProgressBoard progress;
    private final ListView<LogEvent> logList = new ListView<>();
    private final ListView<LogStreamInfo> streamList = new ListView<>();
    private final CustomTextField filter = new CustomTextField();
    private final Label status = new Label();
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(250));
    private final ChangeListener<PagedLogList> listShown = (o, was, now) -> show(now);
    private final ListChangeListener<LogEvent> grown = this::followTail;
    private boolean selectingStream;

    LogViewerPane(LogViewerViewModel vm, ProgressBoard progress) {
        this.vm = vm;
        this.progress = progress;
        getStyleClass().add("log-viewer");
        logList.setId("logList");
        logList.setFixedCellSize(26);
        logList.setCellFactory(l -> new LogCell());
        logList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        logList.setPlaceholder(new Label("No log events match."));
        logList.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                e.consume();
                copySelection();
            }
        });
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());

        Label message = new Label();
        message.setId("logMessageLabel");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox center = new VBox(6, toolbar(), customRangeBar(), invocationBar(), logList, message);
        VBox.setVgrow(logList, Priority.ALWAYS);
        center.setPadding(new Insets(0, 0, 0, 8));
        SplitPane split = new SplitPane(streams(), center);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setCenter(split);
        vm.eventsProperty().addListener(listShown);
        show(vm.eventsProperty().get());
    }

    private HBox toolbar() {
        filter.setId("logFilterField");
        filter.setLeft(new FontIcon(Feather.SEARCH));
        filter.textProperty().addListener((o, was, now) -> typingPause.playFromStart());
        typingPause.setOnFinished(e -> vm.filterTextProperty().set(filter.getText()));
        filter.setOnAction(e -> {
            typingPause.stop();
            vm.filterTextProperty().set(filter.getText());
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        ChoiceBox<FilterMode> mode = new ChoiceBox<>();
        mode.setId("filterModeChoice");
        mode.setTooltip(new Tooltip("How the filter is read: substring, CloudWatch Logs filter pattern, or regex"));
        mode.getItems().setAll(FilterMode.values());
        mode.valueProperty().bindBidirectional(vm.filterModeProperty());
        filter.promptTextProperty().bind(vm.filterModeProperty().map(FilterMode::prompt));

        Label problem = new Label();
        problem.setId("filterProblemLabel");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.filterProblemProperty());
        problem.visibleProperty().bind(vm.filterProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        problem.setMaxWidth(360);

        ToggleButton matchCase = new ToggleButton("Aa");
        matchCase.setId("matchCaseToggle");
        matchCase.setTooltip(new Tooltip("Match case"));
        matchCase.selectedProperty().bindBidirectional(vm.matchCaseProperty());
        matchCase.disableProperty().bind(vm.filterModeProperty().isEqualTo(FilterMode.PATTERN)); // always case-sensitive

        ChoiceBox<TimeRange> range = new ChoiceBox<>();
        range.setId("timeRangeChoice");
        range.getItems().setAll(TimeRange.values());
        range.valueProperty().bindBidirectional(vm.timeRangeProperty());
        range.disableProperty().bind(vm.requestIdProperty().isNotNull());

        ToggleButton live = new ToggleButton("Live tail", new FontIcon(Feather.ACTIVITY));
        live.setId("liveTailToggle");
        live.setTooltip(new Tooltip("Add new events as they are written"));
        live.selectedProperty().bindBidirectional(vm.liveTailProperty());

        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("copyLogsButton");
        copy.setTooltip(new Tooltip("Copy the selected lines (Ctrl+C)"));
        copy.disableProperty().bind(logList.getSelectionModel().selectedIndexProperty().lessThan(0));
        copy.setOnAction(e -> copySelection());

        Button export = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        export.setId("exportLogsButton");
        export.setTooltip(new Tooltip("Save the events shown to a text file"));
        export.disableProperty().bind(vm.eventsProperty().isNull());
        export.setOnAction(e -> export());

        HBox bar = new HBox(8, mode, filter, problem, matchCase, range, live, copy, export, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** From and to fields, shown while the time range is "Custom range". */
    private HBox customRangeBar() {
        TextField from = new TextField();
        from.setId("customFromField");
        from.setPromptText("From, e.g. 2026-11-23 14:05");
        TextField to = new TextField();
        to.setId("customToField");
        to.setPromptText("To (empty: now)");
        Label problem = new Label();
        problem.setId("customRangeProblem");
        problem.getStyleClass().add(Styles.DANGER);
        Button apply = new Button("Apply");
        apply.setId("applyRangeButton");
        Runnable applyRange = () -> problem.setText(vm.setCustomRange(from.getText(), to.getText()));
        apply.setOnAction(e -> applyRange.run());
        from.setOnAction(e -> applyRange.run());
        to.setOnAction(e -> applyRange.run());
        HBox bar = new HBox(8, new Label("From"), from, new Label("To"), to, apply, problem);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.timeRangeProperty().isEqualTo(TimeRange.CUSTOM).and(vm.requestIdProperty().isNull()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** "Showing invocation <id>" with a button back to all events, while an invocation is chosen. */
    private HBox invocationBar() {
        Label shown = new Label();
        shown.setId("shownInvocationLabel");
        shown.textProperty().bind(vm.requestIdProperty().map(id -> "Showing invocation " + id));
        Button clear = new Button("Show all events", new FontIcon(Feather.X));
        clear.setId("clearInvocationButton");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> vm.clearInvocation());
        HBox bar = new HBox(8, shown, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.requestIdProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private VBox streams() {
        streamList.setId("streamList");
        streamList.setCellFactory(l -> new StreamCell());
        streamList.getItems().add(ALL);
        streamList.getSelectionModel().select(0);
        vm.streams().addListener((ListChangeListener<LogStreamInfo>) c -> syncStreams());
        streamList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (selectingStream || now == null) return;
            vm.streamProperty().set(now == ALL ? null : now.logStream());
        });
        Label title = new Label("Log streams");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, title, streamList);
        VBox.setVgrow(streamList, Priority.ALWAYS);
        box.setMinWidth(140);
        return box;
    }

    private void syncStreams() {
        selectingStream = true;
        try {
            streamList.getItems().setAll(ALL);
            streamList.getItems().addAll(vm.streams());
            String chosen = vm.streamProperty().get();
            int at = 0;
            for (int i = 1; i < streamList.getItems().size(); i++) {
                if (streamList.getItems().get(i).logStream().equals(chosen)) at = i;
            }
            streamList.getSelectionModel().select(at);
        } finally {
            selectingStream = false;
        }
    }

    private void show(PagedLogList list) {
        PagedLogList old = logList.getItems() instanceof PagedLogList p ? p : null;
        if (old != null) old.removeListener(grown);
        logList.setItems(list);
        if (list == null) return;
        list.addListener(grown);
        if (list.isEmpty()) return;
        // an invocation reads from its START line; everything else from the newest event, like a tail
        logList.scrollTo(vm.requestIdProperty().get() != null ? 0 : list.size() - 1);
    }

    /** Keeps the newest event in sight while live events arrive, if it was in sight before. */
    private void followTail(ListChangeListener.Change<? extends LogEvent> c) {
        int before = logList.getItems().size();
        while (c.next()) {
            if (c.wasAdded() && c.getFrom() > 0) before = c.getFrom();
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) logList.lookup(".virtual-flow");
        if (flow == null) return;
        var last = flow.getLastVisibleCell();
        boolean atBottom = last == null || last.getIndex() >= before - 1;
        if (atBottom) logList.scrollTo(logList.getItems().size() - 1);
    }

    private void copySelection() {
        List<Integer> selected = List.copyOf(logList.getSelectionModel().getSelectedIndices());
        if (selected.isEmpty()) return;
        vm.copyText(selected, MAX_COPY, text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export log events");
        chooser.setInitialFileName("logs.txt");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Text files", "*.txt", "*.log"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) vm.export(file.toPath(), progress);
    }

    void close() {
        typingPause.stop();
        vm.eventsProperty().removeListener(listShown);
        if (logList.getItems() instanceof PagedLogList p) p.removeListener(grown);
    }

    /** A stream by its environment id, with its last event time; "All streams" first. */
    private static final class StreamCell extends ListCell<LogStreamInfo> {
        @Override
        protected void updateItem(LogStreamInfo s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setTooltip(null);
            } else if (s == ALL) {
                setText("All streams");
                setTooltip(null);
            } else {
                setText(s.logStream());
                setTooltip(new Tooltip(s.logStream() + "\nLast event " + LogLines.timestamp(s.lastEventMs())
                        + "\n" + s.events() + " events"));
            }
        }
    }
}
