package dev.lambdaconsole.runtime.serve;

import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.backend.docker.PullPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadlessServerTest {
    @Test
    void optionsAreParsed() {
        LocalRuntime.Options o = HeadlessServer.parse(new String[] {"--port", "0", "--workspace", "/tmp/ws",
                "--backend", "process", "--keep-alive", "30", "--concurrency", "10", "--async-retry-delays", "60,120"});
        assertThat(o.port()).isZero();
        assertThat(o.workspace()).isEqualTo(Path.of("/tmp/ws"));
        assertThat(o.settings().keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.settings().concurrencyLimit()).isEqualTo(10);
        assertThat(o.settings().asyncRetryDelays()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @Test
    void awsEndpointUrlInFunctionsIsOnUnlessTurnedOff() {
        assertThat(HeadlessServer.parse(new String[0]).settings().endpointInFunctions()).isTrue();
        LocalRuntime.Options o = HeadlessServer.parse(new String[] {"--no-aws-endpoint-url", "--keep-alive", "5"});
        assertThat(o.settings().endpointInFunctions()).isFalse();
        assertThat(o.settings().keepAlive()).isEqualTo(Duration.ofSeconds(5));
        assertThat(HeadlessServer.usage()).contains("--no-aws-endpoint-url");
    }

    @Test
    void pullOptions() {
        assertThat(HeadlessServer.parse(new String[0]).docker().pull()).isEqualTo(PullPolicy.IF_MISSING);
        LocalRuntime.Options o = HeadlessServer.parse(new String[] {"--backend", "docker", "--pull", "never",
                "--pull-stall-timeout", "20"});
        assertThat(o.docker().pull()).isEqualTo(PullPolicy.NEVER);
        assertThat(o.docker().pullStallTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(HeadlessServer.parse(new String[] {"--pull", "always"}).docker().pull()).isEqualTo(PullPolicy.ALWAYS);
        assertThat(HeadlessServer.parse(new String[] {"--pull", "missing"}).docker().pull())
                .isEqualTo(PullPolicy.IF_MISSING);
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--pull", "sometimes"}))
                .hasMessage("--pull must be missing, always or never (got 'sometimes')");
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--pull-stall-timeout", "0"}))
                .hasMessage("--pull-stall-timeout must be a whole number from 1 to 3600 (got '0')");
    }

    @Test
    void badOptionsSayWhichAndWhy() {
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--port", "http"}))
                .hasMessage("--port must be a whole number from 0 to 65535 (got 'http')");
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--backend", "lambda"}))
                .hasMessage("--backend must be process or docker (got 'lambda')");
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--workspace"}))
                .hasMessage("--workspace needs a value");
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--verbose"})).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> HeadlessServer.parse(new String[] {"--async-retry-delays", "1,2,3"}))
                .hasMessage("--async-retry-delays takes at most two delays (got '1,2,3')");
    }
}
