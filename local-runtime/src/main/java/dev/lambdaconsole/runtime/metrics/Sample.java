package dev.lambdaconsole.runtime.metrics;

/** One sample of an engine event (a throttle, an asynchronous event's age…) waiting to be rolled up. */
record Sample(LambdaMetric metric, String functionName, String qualifier, long atMs, double value) { }
