package dev.lambdaconsole.app.services.topics;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import org.kordamp.ikonli.feather.Feather;

/** The Topics tab of the Services page. */
public final class TopicsSection {
    private TopicsSection() { }

    public static ServiceSection create(ConsoleServices services) {
        TopicsViewModel vm = new TopicsViewModel(() -> services.simulators().sns(), services.tasks());
        return new ServiceSection("topicsSection", "Topics", Feather.RADIO, new TopicsView(vm), null);
    }
}
