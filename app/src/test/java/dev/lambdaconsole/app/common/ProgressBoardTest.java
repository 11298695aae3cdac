package dev.lambdaconsole.app.common;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBoardTest {
    private final ProgressBoard board = new ProgressBoard(TaskRunner.synchronous());

    @Test
    void reportsUnderOneTaskNameShareAnEntryUntilItIsDone() {
        ProgressBoard.Entry pull = board.entry("Pulling python");
        pull.update("12 MB of 80 MB", 0.15);
        assertThat(board.entry("Pulling python")).isSameAs(pull);
        assertThat(board.entries()).containsExactly(pull);
        assertThat(pull.detailProperty().get()).isEqualTo("12 MB of 80 MB");
        assertThat(pull.fractionProperty().get()).isEqualTo(0.15);

        pull.done();
        assertThat(board.entries()).isEmpty();
        ProgressBoard.Entry again = board.entry("Pulling python");
        assertThat(again).isNotSameAs(pull);
        assertThat(board.entries()).containsExactly(again);
    }

    @Test
    void startedEntriesAreIndependentOfTaskNames() {
        ProgressBoard.Entry a = board.start("Deploying");
        ProgressBoard.Entry b = board.start("Deploying");
        a.done();
        assertThat(board.entries()).containsExactly(b);
    }
}
