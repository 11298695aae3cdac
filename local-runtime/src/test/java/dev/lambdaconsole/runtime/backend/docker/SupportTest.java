package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.model.LambdaRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels and sessions, layer merging, image recipes and the build command. */
class SupportTest {
    @TempDir Path dir;

    @Test
    void thisSessionIsAliveAndAGoneProcessIsNot() {
        assertThat(Labels.alive(Labels.newSession())).isTrue();
        assertThat(Labels.newSession()).isNotEqualTo(Labels.newSession());
        assertThat(Labels.alive(Labels.session(Long.MAX_VALUE - 1, 1))).isFalse();
        assertThat(Labels.alive("garbage")).isFalse();
        assertThat(Labels.alive(null)).isFalse();
    }

    @Test
    void layersMergeAsRealFilesWithTheLaterLayerWinning() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a/python"));
        Path b = Files.createDirectories(dir.resolve("b/python"));
        Files.writeString(a.resolve("m.py"), "first");
        Files.writeString(a.resolve("only_a.py"), "a");
        Files.writeString(b.resolve("m.py"), "second");
        Path opt = dir.resolve("opt");
        dev.lambdaconsole.runtime.backend.LayerMerge.merge(List.of(dir.resolve("a"), dir.resolve("b")), opt);
        assertThat(opt.resolve("python/m.py")).hasContent("second").satisfies(p ->
                assertThat(Files.isSymbolicLink(p)).isFalse());
        assertThat(opt.resolve("python/only_a.py")).hasContent("a");
    }

    @Test
    void recipesAndOfficialImageNames() {
        assertThat(ImageRecipe.of(LambdaRuntime.Family.PYTHON).packages()).containsExactly("python3", "ca-certificates");
        assertThat(ImageRecipe.of(LambdaRuntime.Family.JAVA).tag()).isEqualTo("lambda-console/runtime-java:bookworm");
        assertThat(ImageRecipe.official(LambdaRuntime.NODEJS_20)).isEqualTo("public.ecr.aws/lambda/nodejs:20");
        assertThat(ImageRecipe.official(LambdaRuntime.PROVIDED_AL2023)).isEqualTo("public.ecr.aws/lambda/provided:al2023");
    }

    @Test
    void theBuildPipesMmdebstrapIntoALabelledDockerImport() {
        List<String> command = new ImageBuild("unix:///var/run/docker.sock")
                .command(ImageRecipe.of(LambdaRuntime.Family.NODE), "1-2");
        assertThat(command.get(2)).isEqualTo("set -o pipefail; mmdebstrap --variant=minbase "
                + "--include=nodejs,ca-certificates bookworm - | docker import "
                + "--change 'LABEL dev.lambdaconsole.app=lambda-console' "
                + "--change 'LABEL dev.lambdaconsole.language-version=\"Node.js 18\"' "
                + "--change 'LABEL dev.lambdaconsole.session=1-2' - lambda-console/runtime-node:bookworm");
    }
}
