package dev.lambdaconsole.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirtyLinesTest {

    @Test
    void linesInsertedAboveShiftTheRange() {
        DirtyLines dirty = new DirtyLines();
        dirty.mark(10, 12);
        dirty.edit(2, 0, 3);
        assertThat(dirty.from()).isEqualTo(13);
        assertThat(dirty.to()).isEqualTo(15);
    }

    @Test
    void anEditInsideGrowsTheRange() {
        DirtyLines dirty = new DirtyLines();
        dirty.mark(10, 12);
        dirty.edit(11, 0, 2);
        assertThat(dirty).hasToString("[10..14]");
    }

    @Test
    void anEditBelowLeavesItAlone() {
        DirtyLines dirty = new DirtyLines();
        dirty.mark(10, 12);
        dirty.edit(20, 5, 0);
        assertThat(dirty).hasToString("[10..12]");
    }

    @Test
    void lineStatesFollowInsertionsAndRemovals() {
        LineStates states = new LineStates();
        states.reset(5, 0);
        states.set(3, 7);
        states.edit(1, 0, 2, 0);
        assertThat(states.size()).isEqualTo(7);
        assertThat(states.get(5)).isEqualTo(7);
        states.edit(1, 2, 0, 0);
        assertThat(states.size()).isEqualTo(5);
        assertThat(states.get(3)).isEqualTo(7);
    }
}
