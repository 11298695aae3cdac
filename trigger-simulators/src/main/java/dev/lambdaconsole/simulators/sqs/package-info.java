/**
 * The local SQS on the shared endpoint: ElasticMQ embedded ({@link dev.lambdaconsole.simulators.sqs.SqsService}),
 * its requests relayed in both SQS protocols (JSON and query), queues and messages stored in SQLite under the
 * workspace's state folder, and {@link dev.lambdaconsole.simulators.sqs.SqsAccess} for the pollers. ElasticMQ's,
 * Pekko's and Scala's types stay in this package.
 */
package dev.lambdaconsole.simulators.sqs;
