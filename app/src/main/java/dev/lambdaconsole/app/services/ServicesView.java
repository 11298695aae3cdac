package dev.lambdaconsole.app.services;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * The Services page: the local event sources at hand, one tab per kind (buckets, queues, topics, event buses,
 * schedules, streams, APIs). Each tab's content is a {@link ServiceSection}.
 */
public final class ServicesView extends BorderPane {
    private final List<ServiceSection> sections = new ArrayList<>();
    private final TabPane tabs = new TabPane();

    public ServicesView(ConsoleServices services) {
        setId("servicesPage");
        Label title = new Label("Services");
        title.getStyleClass().add(Styles.TITLE_3);
        BorderPane.setMargin(title, new Insets(12, 16, 4, 16));
        setTop(title);
        tabs.setId("servicesTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        sections.addAll(sections(services));
        for (ServiceSection s : sections) {
            Tab tab = new Tab(s.title(), s.content());
            tab.setId(s.id());
            if (s.icon() != null) tab.setGraphic(new FontIcon(s.icon()));
            tabs.getTabs().add(tab);
        }
        setCenter(tabs);
    }

    /** The sections, in the page's order. */
    private static List<ServiceSection> sections(ConsoleServices services) {
        List<ServiceSection> list = new ArrayList<>();
        // sections are added here, one line each, in this order:
        // buckets, queues, topics, event buses, schedules, streams, APIs
        list.add(dev.lambdaconsole.app.services.buckets.BucketsSection.create(services));
        list.add(dev.lambdaconsole.app.services.queues.QueuesSection.create(services));
        list.add(dev.lambdaconsole.app.services.topics.TopicsSection.create(services));
        list.add(dev.lambdaconsole.app.services.events.EventBusesView.section(services));
        list.add(dev.lambdaconsole.app.services.schedules.SchedulesView.section(services));
        list.add(dev.lambdaconsole.app.services.streams.StreamsView.section(services));
        list.add(dev.lambdaconsole.app.services.apis.ApisView.section(services));
        return list;
    }

    /** Shows the section with this id (e.g. "bucketsSection"). */
    public void select(String sectionId) {
        tabs.getTabs().stream().filter(t -> sectionId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public void close() {
        for (ServiceSection s : sections) {
            if (s.onClose() != null) s.onClose().run();
        }
    }
}
