package dev.lambdaconsole.simulators.mappings;

/** Where a poller reports the mapping's LastProcessingResult ("OK", "PROBLEM: …"). */
interface PollerStatus {
    void ok();

    void problem(String result);
}
