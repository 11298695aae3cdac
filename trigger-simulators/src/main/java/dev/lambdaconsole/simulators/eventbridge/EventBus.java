package dev.lambdaconsole.simulators.eventbridge;

/** An event bus; {@code default} always exists. Times in epoch milliseconds. */
record EventBus(String name, String arn, String description, long created, long modified) { }
