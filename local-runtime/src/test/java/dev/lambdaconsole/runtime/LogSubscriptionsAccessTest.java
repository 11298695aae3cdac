package dev.lambdaconsole.runtime;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console puts subscription filters in process through the running engine, with the API's checks. */
class LogSubscriptionsAccessTest {
    @TempDir Path dir;

    @Test
    void theEnginesSubscriptionFiltersTakeAPutAndRefuseTheFunctionsOwnGroup() {
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(dir).withBackend("process")
                .withPort(0).withServices(List.of()))) {
            for (String name : List.of("api", "audit")) {
                runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler").build(),
                        CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return e\n")));
            }
            String audit = "arn:aws:lambda:us-east-1:000000000000:function:audit";
            runtime.logSubscriptions().put(Json.object().put("logGroupName", "/aws/lambda/api").put("filterName", "errors")
                    .put("filterPattern", "ERROR").put("destinationArn", audit));
            assertThat(runtime.logSubscriptions().filters()).singleElement()
                    .satisfies(f -> assertThat(f.destinationArn()).isEqualTo(audit));
            assertThatThrownBy(() -> runtime.logSubscriptions().put(Json.object().put("logGroupName", "/aws/lambda/audit")
                    .put("filterName", "self").put("filterPattern", "").put("destinationArn", audit)))
                    .isInstanceOf(AwsServiceException.class).hasMessageContaining("its own log group");
        }
    }
}
