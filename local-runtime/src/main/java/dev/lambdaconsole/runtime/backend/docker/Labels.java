package dev.lambdaconsole.runtime.backend.docker;

import java.util.Map;
import java.util.Optional;

/** The labels on every container and image this app creates, and the session a container belongs to. */
final class Labels {
    static final String APP = "dev.lambdaconsole.app";
    static final String APP_NAME = "lambda-console";
    static final String SESSION = "dev.lambdaconsole.session";
    static final String FUNCTION = "dev.lambdaconsole.function";
    static final String ENVIRONMENT = "dev.lambdaconsole.environment";
    static final String LANGUAGE_VERSION = "dev.lambdaconsole.language-version";
    static final String AWS_SDK = "dev.lambdaconsole.aws-sdk";

    private Labels() {}

    private static final java.util.concurrent.atomic.AtomicInteger BACKENDS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A new session of this process: its pid and start time (so a reused pid is not mistaken for a live
     * session), then a counter telling apart the backends of one process.
     */
    static String newSession() {
        ProcessHandle self = ProcessHandle.current();
        return session(self.pid(), self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L))
                + "-" + BACKENDS.incrementAndGet();
    }

    static String session(long pid, long startMillis) { return pid + "-" + startMillis; }

    /** Whether the process that labelled a container with {@code session} still runs. */
    static boolean alive(String session) {
        if (session == null) return false;
        String[] parts = session.split("-");
        if (parts.length < 2) return false;
        try {
            long pid = Long.parseLong(parts[0]);
            long start = Long.parseLong(parts[1]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isPresent() && process.get().info().startInstant()
                    .map(i -> i.toEpochMilli() == start).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Map<String, String> container(String session, String function, String environmentId) {
        return Map.of(APP, APP_NAME, SESSION, session, FUNCTION, function, ENVIRONMENT, environmentId);
    }
}
