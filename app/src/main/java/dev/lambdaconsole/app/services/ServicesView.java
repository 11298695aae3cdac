package dev.lambdaconsole.app.services;

import dev.lambdaconsole.app.shell.ConsoleServices;
import javafx.scene.layout.BorderPane;

/** The Services page: the local event sources at hand (buckets, queues, topics, buses, schedules, streams, APIs). */
public final class ServicesView extends BorderPane {
    public ServicesView(ConsoleServices services) {
        setId("servicesPage");
    }

    public void close() { }
}
