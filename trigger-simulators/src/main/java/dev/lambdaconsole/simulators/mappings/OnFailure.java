package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Delivers an on-failure record to a destination ARN (an SQS queue or a function of the workspace). */
interface OnFailure {
    void send(String destinationArn, ObjectNode record);
}
