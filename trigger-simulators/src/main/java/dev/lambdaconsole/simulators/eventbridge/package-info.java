/**
 * The local EventBridge on the shared endpoint (target prefix {@code AWSEvents}, JSON 1.1). Today:
 * {@code TestEventPattern}; rules, targets and PutEvents are to come.
 */
package dev.lambdaconsole.simulators.eventbridge;
