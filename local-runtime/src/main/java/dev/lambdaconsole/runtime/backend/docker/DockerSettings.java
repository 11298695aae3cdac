package dev.lambdaconsole.runtime.backend.docker;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How the Docker backend finds its engine and gets official images.
 *
 * @param host             the user's Docker host (first in the discovery chain); null or blank: discover
 * @param pull             when official images are pulled
 * @param pullStallTimeout a pull that shows no progress for this long is aborted
 * @param officialImages   where the official AWS base images come from, e.g. {@code public.ecr.aws/lambda}
 *                         (the image of python3.12 is then {@code public.ecr.aws/lambda/python:3.12})
 */
public record DockerSettings(String host, PullPolicy pull, Duration pullStallTimeout, String officialImages) {
    public static final String HOST_PROPERTY = "lambdaconsole.docker.host";
    public static final String PULL_PROPERTY = "lambdaconsole.docker.pull";
    public static final String STALL_PROPERTY = "lambdaconsole.docker.pull-stall-seconds";
    public static final String IMAGES_PROPERTY = "lambdaconsole.docker.official-images";
    public static final String OFFICIAL_IMAGES = "public.ecr.aws/lambda";
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    public DockerSettings {
        if (pull == null) throw new IllegalArgumentException("a pull policy is needed");
        if (pullStallTimeout == null || pullStallTimeout.isNegative() || pullStallTimeout.isZero()) {
            throw new IllegalArgumentException("the pull stall timeout must be positive (got " + pullStallTimeout + ")");
        }
        officialImages = officialImages == null || officialImages.isBlank() ? OFFICIAL_IMAGES
                : officialImages.trim().replaceAll("/+$", "");
    }

    /** From the system properties, else the defaults: discover the engine, pull when missing, 60 s stall timeout. */
    public static DockerSettings defaults() {
        return from(System::getProperty);
    }

    static DockerSettings from(UnaryOperator<String> properties) {
        String pull = properties.apply(PULL_PROPERTY);
        String stall = properties.apply(STALL_PROPERTY);
        Duration stallTimeout = STALL_TIMEOUT;
        if (stall != null && !stall.isBlank()) {
            try {
                long seconds = Long.parseLong(stall.trim());
                if (seconds < 1) throw new NumberFormatException();
                stallTimeout = Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(STALL_PROPERTY + " must be a whole number of seconds, 1 or more "
                        + "(got '" + stall + "')");
            }
        }
        return new DockerSettings(properties.apply(HOST_PROPERTY),
                pull == null || pull.isBlank() ? PullPolicy.IF_MISSING : PullPolicy.parse(pull),
                stallTimeout, properties.apply(IMAGES_PROPERTY));
    }

    public DockerSettings withHost(String h) { return new DockerSettings(h, pull, pullStallTimeout, officialImages); }
    public DockerSettings withPull(PullPolicy p) { return new DockerSettings(host, p, pullStallTimeout, officialImages); }
    public DockerSettings withPullStallTimeout(Duration d) { return new DockerSettings(host, pull, d, officialImages); }
    public DockerSettings withOfficialImages(String prefix) { return new DockerSettings(host, pull, pullStallTimeout, prefix); }

    /** The host setting, or null when the engine is to be discovered. */
    String hostOrNull() { return host == null || host.isBlank() ? null : host.trim(); }
}
