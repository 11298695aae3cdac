/**
 * The local EventBridge on the shared endpoint (target prefix {@code AWSEvents}, JSON 1.1): event buses, rules with
 * event patterns or schedules ({@link dev.lambdaconsole.simulators.eventbridge.ScheduleExpression}), targets
 * (functions and SQS queues, with Input, InputPath or InputTransformer), PutEvents and TestEventPattern.
 */
package dev.lambdaconsole.simulators.eventbridge;
