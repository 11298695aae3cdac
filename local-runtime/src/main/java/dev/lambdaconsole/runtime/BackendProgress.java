package dev.lambdaconsole.runtime;

/**
 * One step of long backend work the console shows in its progress area: an image pull or build, a container
 * start. {@code task} names the work and stays the same for all its steps ("Building runtime image python");
 * {@code detail} is the latest line; {@code done}/{@code total} count bytes or steps, {@code total} &lt; 0 when
 * unknown; {@code finished} is set on the last report of a task, {@code error} when it failed (else null).
 */
public record BackendProgress(String task, String detail, long done, long total, boolean finished, String error) {
    public static BackendProgress step(String task, String detail) {
        return new BackendProgress(task, detail, 0, -1, false, null);
    }

    public static BackendProgress bytes(String task, String detail, long done, long total) {
        return new BackendProgress(task, detail, done, total, false, null);
    }

    public static BackendProgress finished(String task, String detail) {
        return new BackendProgress(task, detail, 1, 1, true, null);
    }

    public static BackendProgress failed(String task, String error) {
        return new BackendProgress(task, error, 0, -1, true, error);
    }

    /** 0..1, or -1 when the amount of work is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : finished ? 1.0 : -1;
    }
}
