package dev.lambdaconsole.runtime.invoke;

import java.time.Duration;
import java.util.List;

/**
 * Engine-wide settings.
 *
 * @param keepAlive          how long an idle environment stays warm
 * @param concurrencyLimit   concurrent executions across all functions (Lambda's account limit is 1,000)
 * @param asyncRetryDelays   waits before the 2nd and 3rd attempt of a failed asynchronous invocation
 *                           (Lambda waits about 1 and 2 minutes; shortened locally by default)
 * @param initTimeout        the on-demand init cap (10 s in Lambda)
 * @param endpointInFunctions whether every execution environment gets {@code AWS_ENDPOINT_URL}: the shared local
 *                           endpoint at an address its runtime can reach, so the AWS SDKs in a function call the
 *                           local services (a function's own AWS_ENDPOINT_URL wins)
 */
public record EngineSettings(String region, String accountId, Duration keepAlive, int concurrencyLimit,
                             List<Duration> asyncRetryDelays, Duration initTimeout, boolean endpointInFunctions) {
    public static EngineSettings defaults() {
        return new EngineSettings("us-east-1", "000000000000", Duration.ofMinutes(10), 1000,
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), Duration.ofSeconds(10), true);
    }

    public EngineSettings withKeepAlive(Duration d) {
        return new EngineSettings(region, accountId, d, concurrencyLimit, asyncRetryDelays, initTimeout, endpointInFunctions);
    }

    public EngineSettings withConcurrencyLimit(int limit) {
        return new EngineSettings(region, accountId, keepAlive, limit, asyncRetryDelays, initTimeout, endpointInFunctions);
    }

    public EngineSettings withAsyncRetryDelays(List<Duration> delays) {
        return new EngineSettings(region, accountId, keepAlive, concurrencyLimit, List.copyOf(delays), initTimeout,
                endpointInFunctions);
    }

    public EngineSettings withInitTimeout(Duration d) {
        return new EngineSettings(region, accountId, keepAlive, concurrencyLimit, asyncRetryDelays, d, endpointInFunctions);
    }

    /** Whether functions get AWS_ENDPOINT_URL pointing at the local endpoint (on by default). */
    public EngineSettings withEndpointInFunctions(boolean on) {
        return new EngineSettings(region, accountId, keepAlive, concurrencyLimit, asyncRetryDelays, initTimeout, on);
    }

    public String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }
}
