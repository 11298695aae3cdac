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
        assertThat(ImageRecipe.of(LambdaRuntime.PYTHON_3_14).orElseThrow().packages())
                .containsExactly("python3", "python3-boto3", "ca-certificates");
        assertThat(ImageRecipe.of(LambdaRuntime.JAVA_8_AL2).orElseThrow().tag())
                .isEqualTo("lambda-console/runtime-java21:trixie");
        assertThat(ImageRecipe.of(LambdaRuntime.JAVA_25).orElseThrow().packages()).contains("openjdk-25-jre-headless");
        assertThat(ImageRecipe.of(LambdaRuntime.RUBY_3_4).orElseThrow().packages()).contains("ruby-aws-sdk-core");
        assertThat(ImageRecipe.of(LambdaRuntime.DOTNET_8)).isEmpty();
        assertThat(ImageRecipe.of(LambdaRuntime.PYTHON_3_14).orElseThrow().runsOn(LambdaRuntime.PYTHON_3_14))
                .startsWith("python3.14 runs on Debian's Python 3.13 locally (lambda-console/runtime-python:trixie");
        assertThat(ImageRecipe.official(LambdaRuntime.NODEJS_24)).isEqualTo("public.ecr.aws/lambda/nodejs:24");
        assertThat(ImageRecipe.official(LambdaRuntime.JAVA_8_AL2)).isEqualTo("public.ecr.aws/lambda/java:8.al2");
        assertThat(ImageRecipe.official(LambdaRuntime.JAVA_25)).isEqualTo("public.ecr.aws/lambda/java:25");
        assertThat(ImageRecipe.official(LambdaRuntime.DOTNET_8)).isEqualTo("public.ecr.aws/lambda/dotnet:8");
        assertThat(ImageRecipe.official(LambdaRuntime.PROVIDED_AL2023)).isEqualTo("public.ecr.aws/lambda/provided:al2023");
    }

    @Test
    void theBuildPipesMmdebstrapIntoALabelledDockerImport() {
        List<String> command = new ImageBuild("unix:///var/run/docker.sock")
                .command(ImageRecipe.of(LambdaRuntime.PYTHON_3_12).orElseThrow(), "1-2");
        assertThat(command.get(2)).isEqualTo("set -o pipefail; mmdebstrap --variant=minbase "
                + "--include=python3,python3-boto3,ca-certificates trixie - | docker import "
                + "--change 'LABEL dev.lambdaconsole.app=lambda-console' "
                + "--change 'LABEL dev.lambdaconsole.language-version=\"Python 3.13\"' "
                + "--change 'LABEL dev.lambdaconsole.aws-sdk=\"boto3 1.37 (Debian'\\''s python3-boto3)\"' "
                + "--change 'LABEL dev.lambdaconsole.session=1-2' - lambda-console/runtime-python:trixie || { status=$?; "
                + "docker image rm -f lambda-console/runtime-python:trixie >/dev/null 2>&1; exit $status; }");
    }

    @Test
    void theNodeImageGetsTheSdkFromTheNpmRegistryWithNpmThatIsNotKept() {
        List<String> command = new ImageBuild("unix:///var/run/docker.sock")
                .command(ImageRecipe.of(LambdaRuntime.NODEJS_24).orElseThrow(), "1-2");
        assertThat(command.get(2))
                .contains("--include=nodejs,ca-certificates --customize-hook=")
                .contains("npm/-/npm-10.9.9.tgz")
                .contains("install --prefix /var/runtime --omit=dev")
                .contains("@aws-sdk/client-lambda@3.1164.0 ")
                .contains("rm -rf \"$1/tmp/npm\"")
                .contains("- lambda-console/runtime-node:trixie ||");
    }
}
