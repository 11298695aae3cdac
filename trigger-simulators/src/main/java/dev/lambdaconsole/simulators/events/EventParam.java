package dev.lambdaconsole.simulators.events;

/**
 * One parameter of an event template, set on the command line as {@code --name value}.
 *
 * @param name         the parameter's name, e.g. {@code body} or {@code log-group}
 * @param defaultValue the value used when the caller does not set it
 * @param description  one line for help texts and the console's template picker
 */
public record EventParam(String name, String defaultValue, String description) {
}
