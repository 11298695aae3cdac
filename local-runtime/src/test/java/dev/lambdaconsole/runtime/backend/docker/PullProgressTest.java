package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.model.PullResponseItem;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's pull messages, as it streams them, folded into one report. */
class PullProgressTest {
    final PullProgress progress = new PullProgress("public.ecr.aws/lambda/python:3.12");

    boolean accept(String json) throws Exception {
        return progress.accept(Json.MAPPER.readValue(json, PullResponseItem.class));
    }

    static String layer(String id, String status, long current, long total) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"progressDetail\":{\"current\":" + current
                + ",\"total\":" + total + "}}";
    }

    @Test
    void bytesAreSummedOverLayersAndLayersCountedWhenDone() throws Exception {
        assertThat(accept("{\"id\":\"3.12\",\"status\":\"Pulling from lambda/python\"}")).isTrue();
        assertThat(progress.report().detail()).isEqualTo("Pulling from lambda/python");
        accept("{\"id\":\"aaa\",\"status\":\"Pulling fs layer\",\"progressDetail\":{}}");
        accept("{\"id\":\"bbb\",\"status\":\"Pulling fs layer\",\"progressDetail\":{}}");
        assertThat(progress.report().total()).as("no size known yet").isEqualTo(-1);
        accept(layer("aaa", "Downloading", 1_000_000, 4_000_000));
        accept(layer("bbb", "Downloading", 500_000, 1_000_000));
        BackendProgress downloading = progress.report();
        assertThat(downloading.task()).isEqualTo("Pulling public.ecr.aws/lambda/python:3.12");
        assertThat(downloading.done()).isEqualTo(1_500_000);
        assertThat(downloading.total()).isEqualTo(5_000_000);
        assertThat(downloading.finished()).isFalse();
        assertThat(downloading.detail()).isEqualTo("Downloading 1.5 MB of 5.0 MB, 0 of 2 layers done");
        accept("{\"id\":\"bbb\",\"status\":\"Download complete\",\"progressDetail\":{}}");
        accept(layer("bbb", "Extracting", 250_000, 1_000_000));
        assertThat(progress.report().detail()).isEqualTo("Extracting 0.3 MB of 5.0 MB, 0 of 2 layers done");
        accept("{\"id\":\"bbb\",\"status\":\"Pull complete\",\"progressDetail\":{}}");
        assertThat(progress.report().done()).isEqualTo(2_000_000);
        assertThat(progress.report().detail()).endsWith(", 1 of 2 layers done");
        accept(layer("aaa", "Downloading", 4_000_000, 4_000_000));
        accept("{\"id\":\"aaa\",\"status\":\"Pull complete\",\"progressDetail\":{}}");
        BackendProgress finished = progress.finished("public.ecr.aws/lambda/python:3.12");
        assertThat(finished.finished()).isTrue();
        assertThat(finished.error()).isNull();
        assertThat(finished.done()).isEqualTo(5_000_000).isEqualTo(finished.total());
        assertThat(finished.detail()).isEqualTo("Pulled public.ecr.aws/lambda/python:3.12 (5.0 MB in 2 layers)");
    }

    @Test
    void onlyNewStepsOrMoreBytesCountAsMovingForTheWatchdog() throws Exception {
        assertThat(accept(layer("aaa", "Downloading", 100, 1000))).isTrue();
        assertThat(accept(layer("aaa", "Downloading", 100, 1000))).as("the same message again").isFalse();
        assertThat(accept(layer("aaa", "Downloading", 200, 1000))).isTrue();
        assertThat(accept("{\"id\":\"aaa\",\"status\":\"Download complete\",\"progressDetail\":{}}")).isTrue();
        assertThat(accept(layer("aaa", "Extracting", 100, 1000))).isTrue();
        assertThat(accept(layer("aaa", "Extracting", 900, 1000))).as("extracting moves too").isTrue();
        assertThat(accept("{\"status\":\"Digest: sha256:abc\"}")).isTrue();
        assertThat(accept("{\"status\":\"Digest: sha256:abc\"}")).isFalse();
    }

    @Test
    void layersThatAlreadyExistAreDoneWithoutBytes() throws Exception {
        accept("{\"id\":\"aaa\",\"status\":\"Already exists\",\"progressDetail\":{}}");
        assertThat(progress.report().detail()).isEqualTo("Already exists, 1 of 1 layers done");
        BackendProgress finished = progress.finished("img:1");
        assertThat(finished.fraction()).isEqualTo(1.0);
        assertThat(finished.detail()).isEqualTo("Pulled img:1 (1 layer)");
    }
}
