package dev.lambdaconsole.runtime.backend.docker;

import java.util.List;

/** No Docker engine answered. The message lists every place that was tried and why each failed. */
public final class DockerUnavailableException extends Exception {
    private final List<String> attempts;

    DockerUnavailableException(List<String> attempts) {
        super("no Docker engine answered: " + String.join("; ", attempts));
        this.attempts = List.copyOf(attempts);
    }

    /** One line per attempt, e.g. "unix:///var/run/docker.sock: no such socket". */
    public List<String> attempts() { return attempts; }
}
