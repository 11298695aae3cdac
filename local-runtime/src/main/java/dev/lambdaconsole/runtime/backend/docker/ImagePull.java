package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Pulls one image through the engine, reporting bytes and layers as it goes. A watchdog stops a pull that
 * shows no progress for the stall timeout; transient registry errors (timeouts, resets, 5xx, rate limits) are
 * tried again after a short wait, a couple of times. Every pull ends with a finished or failed report.
 */
final class ImagePull {
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(4));
    private static final Pattern PERMANENT = Pattern.compile("no such host|not found|manifest unknown|unauthorized"
            + "|denied|no matching manifest|invalid reference");
    private static final Pattern TRANSIENT = Pattern.compile("timeout|timed out|connection reset|connection refused"
            + "|broken pipe|\\beof\\b|toomanyrequests|too many requests|service unavailable|bad gateway"
            + "|\\b(429|500|502|503|504)\\b|temporar");
    private final DockerClient client;
    private final Duration stallTimeout;
    private final List<Duration> retryDelays;
    private final Consumer<BackendProgress> progress;

    /** A pull that did not give the image; {@code transientError} when another attempt may succeed. */
    static final class Failure extends Exception {
        final boolean transientError;

        Failure(String message, boolean transientError) {
            super(message);
            this.transientError = transientError;
        }
    }

    ImagePull(DockerClient client, Duration stallTimeout, List<Duration> retryDelays,
              Consumer<BackendProgress> progress) {
        this.client = client;
        this.stallTimeout = stallTimeout;
        this.retryDelays = List.copyOf(retryDelays);
        this.progress = progress;
    }

    /**
     * Pulls {@code image} for {@code platform} (e.g. linux/amd64). On failure the last report says why and,
     * after it, {@code fallback}: what is used instead.
     */
    void pull(String image, String platform, String fallback) throws Failure {
        PullProgress state = new PullProgress(image);
        progress.accept(BackendProgress.step(state.task(), "Starting the pull for " + platform));
        for (int attempt = 1; ; attempt++) {
            try {
                once(image, platform, state);
                progress.accept(state.finished(image));
                return;
            } catch (Failure f) {
                if (!f.transientError || attempt > retryDelays.size()) {
                    progress.accept(BackendProgress.failed(state.task(), f.getMessage() + "; " + fallback));
                    throw f;
                }
                Duration wait = retryDelays.get(attempt - 1);
                progress.accept(BackendProgress.step(state.task(), f.getMessage() + "; trying again in "
                        + seconds(wait) + " (attempt " + (attempt + 1) + " of " + (retryDelays.size() + 1) + ")"));
                if (!sleep(wait)) {
                    Failure stopped = new Failure("Pulling " + image + " was interrupted", false);
                    progress.accept(BackendProgress.failed(state.task(), stopped.getMessage() + "; " + fallback));
                    throw stopped;
                }
            }
        }
    }

    private void once(String image, String platform, PullProgress state) throws Failure {
        int at = image.indexOf('@');
        int colon = at >= 0 ? at : image.indexOf(':', image.lastIndexOf('/') + 1);
        String repository = colon < 0 ? image : image.substring(0, colon);
        String tag = colon < 0 ? "latest" : image.substring(colon + 1); // a tag, or a digest after '@'
        Watched callback = new Watched(state);
        try {
            client.pullImageCmd(repository).withTag(tag).withPlatform(platform).exec(callback);
            while (!callback.ended.await(200, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - callback.lastMove >= stallTimeout.toNanos()) {
                    closeQuietly(callback);
                    throw new Failure("Pulling " + image + " stalled: no progress for " + seconds(stallTimeout)
                            + ", so the pull was stopped", false);
                }
            }
        } catch (InterruptedException e) {
            closeQuietly(callback);
            Thread.currentThread().interrupt();
            throw new Failure("Pulling " + image + " was interrupted", false);
        } catch (RuntimeException e) {
            closeQuietly(callback);
            throw failure(image, engineMessage(e));
        }
        if (callback.failure != null) throw failure(image, engineMessage(callback.failure));
        if (callback.error != null) throw failure(image, callback.error);
    }

    static Failure failure(String image, String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        boolean again = !PERMANENT.matcher(lower).find() && TRANSIENT.matcher(lower).find();
        return new Failure("Pulling " + image + " failed: " + reason, again);
    }

    /** The engine's own words: the "message" of an error answer ("Status 500: {"message":…}"), else the cause. */
    static String engineMessage(Throwable e) {
        if (e instanceof DockerException d && d.getMessage() != null) {
            String body = d.getMessage().replaceFirst("^(Status \\d+: )+", "").trim();
            try {
                JsonNode message = Json.MAPPER.readTree(body).path("message");
                if (message.isTextual()) return message.asText();
            } catch (IOException | RuntimeException notJson) {
                // fall through to the plain text
            }
            return body.replaceAll("\\s+", " ");
        }
        return DockerDiscovery.reason(e);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(ResultCallback.Adapter<?> callback) {
        try {
            callback.close(); // closes the stream: the engine cancels the pull it was running for us
        } catch (IOException | RuntimeException ignored) {
            // the stream is gone either way
        }
    }

    /**
     * Folds the engine's messages into the progress, and remembers when the pull last moved. Has its own end
     * latch: the template's timed wait closes the stream when it returns.
     */
    private final class Watched extends ResultCallback.Adapter<PullResponseItem> {
        private final PullProgress state;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile long lastMove = System.nanoTime();
        volatile String error;
        volatile Throwable failure;

        Watched(PullProgress state) {
            this.state = state;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : "the engine reported an error without a message";
                return;
            }
            if (state.accept(item)) {
                lastMove = System.nanoTime();
                progress.accept(state.report());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            closeQuietly(this);
            ended.countDown();
        }

        @Override
        public void onComplete() {
            closeQuietly(this);
            ended.countDown();
        }
    }
}
