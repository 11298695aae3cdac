/**
 * The local SNS on the shared endpoint (Query protocol): topics, subscriptions of functions and queues, filter
 * policies, Publish and PublishBatch, and delivery as SNS does it.
 */
package dev.lambdaconsole.simulators.sns;
