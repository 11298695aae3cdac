package dev.lambdaconsole.benchmarks.editor;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/** Longest gap between two animation frames: how long the FX thread was kept from rendering. */
final class PulseGaps extends AnimationTimer {

    private long last;
    private long longest;

    static PulseGaps start(Scene scene) {
        PulseGaps gaps = new PulseGaps();
        gaps.start();
        return gaps;
    }

    @Override
    public void handle(long now) {
        long wall = System.nanoTime();
        if (last != 0) {
            longest = Math.max(longest, wall - last);
        }
        last = wall;
    }

    /** Stops and returns the longest gap in milliseconds. */
    double stopAndGet() {
        stop();
        return longest / 1e6;
    }
}
