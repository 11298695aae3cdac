package dev.lambdaconsole.app.settings;

/** Where functions run: Docker containers, or local processes when Docker is not wanted or not there. */
public enum Backend {
    DOCKER("docker", "Docker containers"),
    PROCESS("process", "Local processes");

    private final String id;
    private final String label;

    Backend(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** As ConsoleSettings and LocalRuntime name it. */
    public String id() { return id; }

    public static Backend of(String id) { return "process".equals(id) ? PROCESS : DOCKER; }

    @Override
    public String toString() { return label; }
}
