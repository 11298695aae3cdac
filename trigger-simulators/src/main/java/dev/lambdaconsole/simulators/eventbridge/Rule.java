package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule of a bus: an event pattern and/or a schedule, its state and its targets (each as PutTargets gave it).
 *
 * @param scheduledSince when the schedule was set (a rate counts from it), epoch ms
 */
record Rule(String name, String eventBusName, String arn, String eventPattern, String scheduleExpression, String state,
            String description, String roleArn, long scheduledSince, List<ObjectNode> targets) {
    static final String ENABLED = "ENABLED";
    static final String DISABLED = "DISABLED";

    Rule {
        targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets);
    }

    boolean enabled() { return !DISABLED.equals(state); }

    Rule withState(String newState) {
        return new Rule(name, eventBusName, arn, eventPattern, scheduleExpression, newState, description, roleArn,
                scheduledSince, targets);
    }

    Rule withTargets(List<ObjectNode> newTargets) {
        return new Rule(name, eventBusName, arn, eventPattern, scheduleExpression, state, description, roleArn,
                scheduledSince, newTargets);
    }
}
