package dev.lambdaconsole.runtime.logs;

/** A log group that has events: its name, its first event time and the UTF-8 size of its messages. */
public record LogGroupInfo(String name, long createdMs, long storedBytes) { }
