package dev.lambdaconsole.runtime.logs;

/** A log stream (one per execution environment) with its first and last event times. */
public record LogStreamInfo(String logGroup, String logStream, long createdMs, long lastEventMs, long events) { }
