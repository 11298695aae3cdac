package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.simulators.triggers.Trigger;

/** One line of Configuration → Triggers: the trigger and its newest delivery ("OK 12:01:03", "—" when none). */
public record TriggerRow(Trigger trigger, String lastResult, boolean lastFailed) {
    public String source() { return trigger.kind().label(); }
    public String state() { return trigger.state() == null ? "—" : trigger.state(); }
}
