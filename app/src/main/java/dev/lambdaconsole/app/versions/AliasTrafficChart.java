package dev.lambdaconsole.app.versions;

import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/** Where an alias's invocations landed: one stacked bar per time bucket, one colour per executed version. */
final class AliasTrafficChart extends StackedBarChart<String, Number> {
    private final CategoryAxis time;

    AliasTrafficChart() {
        super(new CategoryAxis(), new NumberAxis());
        time = (CategoryAxis) getXAxis();
        time.setLabel("Time");
        NumberAxis count = (NumberAxis) getYAxis();
        count.setLabel("Invocations");
        count.setMinorTickVisible(false);
        count.setTickUnit(1);
        setId("aliasTrafficChart");
        setAnimated(false);
        setLegendVisible(true);
        setCategoryGap(4);
        setMinHeight(200);
    }

    /** Draws the traffic (null or none: an empty chart). */
    void show(AliasTraffic traffic) {
        if (traffic == null || traffic.total() == 0) {
            getData().clear();
            time.getCategories().clear();
            return;
        }
        // the categories first, so that bars of a bucket that appears now land in order
        time.setCategories(FXCollections.observableArrayList(traffic.buckets()));
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String version : traffic.versions()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName("Version " + version + " (" + traffic.totals().get(version) + ")");
            long[] counts = traffic.counts().get(version);
            for (int i = 0; i < counts.length; i++) {
                s.getData().add(new XYChart.Data<>(traffic.buckets().get(i), counts[i]));
            }
            series.add(s);
        }
        getData().setAll(series);
    }
}
