package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pull errors are worth another attempt, and the engine's words in the messages. */
class ImagePullTest {
    static final String IMAGE = "public.ecr.aws/lambda/python:3.12";

    @Test
    void registryHiccupsAreTransient() {
        assertThat(ImagePull.failure(IMAGE, "received unexpected HTTP status: 503 Service Unavailable").transientError)
                .isTrue();
        assertThat(ImagePull.failure(IMAGE, "toomanyrequests: Rate exceeded").transientError).isTrue();
        assertThat(ImagePull.failure(IMAGE, "net/http: TLS handshake timeout").transientError).isTrue();
        assertThat(ImagePull.failure(IMAGE, "read tcp 10.0.0.2:51234->1.2.3.4:443: read: connection reset by peer")
                .transientError).isTrue();
        assertThat(ImagePull.failure(IMAGE, "unexpected EOF").transientError).isTrue();
    }

    @Test
    void noNetworkOrNoSuchImageIsNotTriedAgain() {
        ImagePull.Failure offline = ImagePull.failure(IMAGE,
                "Get \"https://public.ecr.aws/v2/\": dial tcp: lookup public.ecr.aws on 10.0.0.53:53: no such host");
        assertThat(offline.transientError).isFalse();
        assertThat(offline.getMessage()).isEqualTo("Pulling " + IMAGE + " failed: Get \"https://public.ecr.aws/v2/\": "
                + "dial tcp: lookup public.ecr.aws on 10.0.0.53:53: no such host");
        assertThat(ImagePull.failure(IMAGE, "manifest unknown: manifest unknown").transientError).isFalse();
        assertThat(ImagePull.failure(IMAGE, "pull access denied, repository does not exist").transientError).isFalse();
    }

    @Test
    void theEnginesMessageIsTakenOutOfItsErrorAnswer() {
        String offline = ImagePull.engineMessage(new InternalServerErrorException(
                "{\"message\":\"Get \\\"https://public.ecr.aws/v2/\\\": dial tcp: lookup public.ecr.aws: no such host\"}\n"));
        assertThat(offline).isEqualTo("Get \"https://public.ecr.aws/v2/\": dial tcp: lookup public.ecr.aws: no such host");
        assertThat(ImagePull.failure(IMAGE, offline).transientError).as("500 of the engine, not of the registry")
                .isFalse();
        assertThat(ImagePull.engineMessage(new NotFoundException("not json"))).isEqualTo("not json");
    }

    @Test
    void twoMoreAttemptsTwoAndFourSecondsApart() {
        assertThat(ImagePull.RETRY_DELAYS).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void secondsAreWrittenShort() {
        assertThat(ImagePull.seconds(Duration.ofSeconds(60))).isEqualTo("60 s");
        assertThat(ImagePull.seconds(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }
}
