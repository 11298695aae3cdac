package dev.lambdaconsole.runtime.serve;

import dev.lambdaconsole.runtime.BackendProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What serve prints while runtime images are pulled and built. */
class ImageProgressLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();
    private final ImageProgressLines lines = new ImageProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            nanos::get);

    private String printed() { return bytes.toString(StandardCharsets.UTF_8); }

    @Test
    void aBuildPrintsOneLineWhenItStartsAndOneWithItsDurationWhenItIsDone() {
        lines.accept(BackendProgress.step("Building runtime image java", "Building lambda-console/runtime-java21:trixie"));
        lines.accept(new BackendProgress("Building runtime image java", "Unpacking openjdk", 12, -1, false, null));
        lines.accept(BackendProgress.step("Starting a container for f", "abc"));
        nanos.addAndGet(52_300_000_000L);
        lines.accept(BackendProgress.finished("Building runtime image java", "Built lambda-console/runtime-java21:trixie"));
        assertThat(printed().lines()).containsExactly(
                "Preparing runtime image for java (first use: about a minute)…",
                "Runtime image for java ready in 52 s");
    }

    @Test
    void aFailedBuildAndAFailedPullSayWhy() {
        lines.accept(BackendProgress.step("Pulling public.ecr.aws/lambda/python:3.12", "Starting the pull"));
        lines.accept(BackendProgress.failed("Pulling public.ecr.aws/lambda/python:3.12", "no such host; using the "
                + "local build instead"));
        lines.accept(BackendProgress.step("Building runtime image python", "Building"));
        nanos.addAndGet(3_000_000_000L);
        lines.accept(BackendProgress.failed("Building runtime image python", "mmdebstrap: not found"));
        assertThat(printed().lines()).containsExactly(
                "Pull of public.ecr.aws/lambda/python:3.12 failed after 0 s: no such host; using the local build instead",
                "Preparing runtime image for python (first use: about a minute)…",
                "Runtime image for python failed after 3 s: mmdebstrap: not found");
    }
}
