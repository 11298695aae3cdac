package dev.lambdaconsole.app.monitor.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DownsampleTest {
    @Test
    void keepsAtMostTwoPointsPerPixelWithEveryPeakAndDip() {
        int n = 100_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = Math.sin(i / 500.0) * 10;
        }
        ys[12_345] = 99;   // a spike
        ys[67_890] = -99;  // a dip
        double[][] kept = Downsample.minMax(xs, ys, 0, n - 1, 800);
        assertThat(kept[0].length).isLessThanOrEqualTo(2 * 800).isGreaterThan(800);
        assertThat(Arrays.stream(kept[1]).max().orElseThrow()).isEqualTo(99);
        assertThat(Arrays.stream(kept[1]).min().orElseThrow()).isEqualTo(-99);
        for (int i = 1; i < kept[0].length; i++) assertThat(kept[0][i]).isGreaterThan(kept[0][i - 1]);
    }

    @Test
    void fewPointsAndPointsOutsideThePlotStay() {
        double[] xs = {1, 2, 3};
        double[] ys = {5, 6, 7};
        assertThat(Downsample.minMax(xs, ys, 0, 10, 100)[1]).containsExactly(5, 6, 7);
        double[] many = new double[1000];
        double[] values = new double[1000];
        for (int i = 0; i < 1000; i++) {
            many[i] = i - 100;
            values[i] = i;
        }
        double[][] kept = Downsample.minMax(many, values, 0, 800, 10);
        assertThat(kept[0]).contains(-100, -1, 899);
    }
}
