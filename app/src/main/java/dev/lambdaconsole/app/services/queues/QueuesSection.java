package dev.lambdaconsole.app.services.queues;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import org.kordamp.ikonli.feather.Feather;

/** The Queues tab of the Services page. */
public final class QueuesSection {
    private QueuesSection() { }

    public static ServiceSection create(ConsoleServices services) {
        QueuesViewModel vm = new QueuesViewModel(new QueueClient(() -> services.simulators().sqs()), services.tasks());
        return new ServiceSection("queuesSection", "Queues", Feather.INBOX, new QueuesView(vm), null);
    }
}
