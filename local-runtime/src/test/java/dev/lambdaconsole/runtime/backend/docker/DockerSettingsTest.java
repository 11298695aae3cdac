package dev.lambdaconsole.runtime.backend.docker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Docker settings from system properties, and the pull policy's words. */
class DockerSettingsTest {
    @Test
    void withoutPropertiesTheDefaults() {
        DockerSettings s = DockerSettings.from(name -> null);
        assertThat(s.host()).isNull();
        assertThat(s.pull()).isEqualTo(PullPolicy.IF_MISSING);
        assertThat(s.pullStallTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.officialImages()).isEqualTo("public.ecr.aws/lambda");
    }

    @Test
    void fromProperties() {
        Map<String, String> p = Map.of(DockerSettings.HOST_PROPERTY, "tcp://docker:2375",
                DockerSettings.PULL_PROPERTY, "never", DockerSettings.STALL_PROPERTY, "15",
                DockerSettings.IMAGES_PROPERTY, "127.0.0.1:5000/lambda/");
        DockerSettings s = DockerSettings.from(p::get);
        assertThat(s.host()).isEqualTo("tcp://docker:2375");
        assertThat(s.pull()).isEqualTo(PullPolicy.NEVER);
        assertThat(s.pullStallTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.officialImages()).isEqualTo("127.0.0.1:5000/lambda");
        assertThat(ImageRecipe.official(s.officialImages(), dev.lambdaconsole.runtime.model.LambdaRuntime.PYTHON_3_12))
                .isEqualTo("127.0.0.1:5000/lambda/python:3.12");
    }

    @Test
    void thePolicyWords() {
        assertThat(PullPolicy.parse("missing")).isEqualTo(PullPolicy.IF_MISSING);
        assertThat(PullPolicy.parse("IF_MISSING")).isEqualTo(PullPolicy.IF_MISSING);
        assertThat(PullPolicy.parse(" Always ")).isEqualTo(PullPolicy.ALWAYS);
        assertThat(PullPolicy.parse("never")).isEqualTo(PullPolicy.NEVER);
        assertThat(PullPolicy.ALWAYS.option()).isEqualTo("always");
    }

    @Test
    void badValuesSayWhichAndWhy() {
        assertThatThrownBy(() -> DockerSettings.from(Map.of(DockerSettings.PULL_PROPERTY, "sometimes")::get))
                .hasMessage("the pull policy must be missing, always or never (got 'sometimes')");
        assertThatThrownBy(() -> DockerSettings.from(Map.of(DockerSettings.STALL_PROPERTY, "1m")::get))
                .hasMessage("lambdaconsole.docker.pull-stall-seconds must be a whole number of seconds, 1 or more "
                        + "(got '1m')");
        assertThatThrownBy(() -> DockerSettings.from(Map.of(DockerSettings.STALL_PROPERTY, "0")::get))
                .hasMessage("lambdaconsole.docker.pull-stall-seconds must be a whole number of seconds, 1 or more "
                        + "(got '0')");
    }
}
