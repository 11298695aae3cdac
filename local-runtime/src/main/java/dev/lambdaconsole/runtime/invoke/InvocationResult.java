package dev.lambdaconsole.runtime.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Everything a caller and the console learn about one finished invocation: the payload (response or error
 * object), the REPORT figures and the log lines of the invocation.
 *
 * @param functionError "Unhandled" when the function failed (error, crash, timeout), else null
 * @param errorType     the error type for display (e.g. Runtime.ExitError), else null
 * @param initDurationMs the Init Duration of a cold start, else null
 */
public record InvocationResult(String requestId, String functionName, byte[] payload, String contentType,
                               InvocationStatus status, String functionError, String errorType,
                               double durationMs, long billedDurationMs, int memorySizeMb, long maxMemoryUsedMb,
                               Double initDurationMs, long startEpochMs, String logStream, List<String> logLines,
                               String executedVersion) {

    public boolean coldStart() { return initDurationMs != null; }

    public String payloadText() { return new String(payload, StandardCharsets.UTF_8); }

    /** The last 4 KB of the invocation's log, base64-encoded: the X-Amz-Log-Result header. */
    public String logTailBase64() {
        byte[] all = String.join("\n", logLines).concat("\n").getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - 4096);
        byte[] tail = java.util.Arrays.copyOfRange(all, from, all.length);
        return Base64.getEncoder().encodeToString(tail);
    }

    /** The REPORT line of this invocation. */
    public String reportLine() {
        return logLines.stream().filter(l -> l.startsWith("REPORT RequestId: ")).findFirst().orElse("");
    }
}
