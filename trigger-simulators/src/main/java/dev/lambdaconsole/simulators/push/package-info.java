/**
 * Push triggers' common ground: every event a local service hands to a function (S3, SNS, EventBridge, schedules,
 * API Gateway, Function URLs, log subscriptions) is recorded here with its outcome, for the console's activity
 * views; asynchronous deliveries go through the engine's asynchronous invocation (its retries, maximum event age
 * and destinations apply).
 */
package dev.lambdaconsole.simulators.push;
