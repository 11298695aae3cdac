package dev.lambdaconsole.simulators.events;

import java.util.List;

/**
 * One kind of event a source sends, as {@code sam local generate-event SOURCE TYPE} names it.
 *
 * @param source      the event source, e.g. {@code sqs}
 * @param type        the type within the source, e.g. {@code receive-message}
 * @param description one line for lists and help texts
 * @param params      the parameters in the order the template declares them
 */
public record EventType(String source, String type, String description, List<EventParam> params) {
    public EventType {
        params = List.copyOf(params);
    }
}
