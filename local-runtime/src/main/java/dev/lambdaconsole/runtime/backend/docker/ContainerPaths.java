package dev.lambdaconsole.runtime.backend.docker;

/** Where things are inside a container. */
final class ContainerPaths {
    static final String TASK = "/var/task";
    static final String OPT = "/opt";
    static final String RUNTIME = "/var/runtime";
    static final String TMP = "/tmp";
    /** The environment's private host folder: the runtime's output file lives here. */
    static final String CONSOLE = "/var/lambda-console";
    static final String OUTPUT = CONSOLE + "/output.log";

    private ContainerPaths() {}
}
