package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a locally built runtime image holds: a Debian trixie minbase root filesystem with the language's Debian
 * packages and the AWS SDK the official image of that language carries (boto3 for Python, the AWS SDK for
 * JavaScript v3 from the npm registry for Node.js, Debian's aws-sdk gems for Ruby; Java functions bundle their
 * own). The label records the language version those packages really give (trixie is a stable release), which
 * may differ from the Lambda runtime asked for: every Python runtime runs on Python 3.13 here, every Node.js
 * runtime on Node.js 20, every Ruby runtime on Ruby 3.3, Java 8 to 21 on Java 21 and java25 on Java 25.
 *
 * @param npmPackages packages (name@version) installed from the npm registry into {@link #NODE_MODULES}
 * @param sdk         the AWS SDK in the image, as the label and the messages name it
 */
record ImageRecipe(String language, String tag, List<String> packages, String languageVersion,
                   List<String> npmPackages, String sdk) {
    static final String SUITE = "trixie";
    /** Where the official Node.js images keep the SDK (on Lambda's NODE_PATH). */
    static final String NODE_MODULES = ContainerPaths.RUNTIME + "/node_modules";
    /** npm itself, from the npm registry (a self-contained tarball), used during the build and not kept. */
    static final String NPM = "npm@10.9.9";
    /**
     * The AWS SDK for JavaScript v3 clients the image carries, at versions that read AWS_ENDPOINT_URL (3.451 and
     * later do). The official images carry the whole SDK; these are the clients of the services people call most.
     */
    static final List<String> JS_SDK = List.of(
            "@aws-sdk/client-s3@3.1175.0", "@aws-sdk/client-sqs@3.1175.0", "@aws-sdk/client-sns@3.1169.0",
            "@aws-sdk/client-lambda@3.1164.0", "@aws-sdk/client-dynamodb@3.1169.0",
            "@aws-sdk/lib-dynamodb@3.1169.0", "@aws-sdk/client-eventbridge@3.1169.0",
            "@aws-sdk/client-cloudwatch-logs@3.1169.0", "@aws-sdk/client-kinesis@3.1143.0",
            "@aws-sdk/credential-providers@3.1175.0");

    /** The recipe of a runtime's local image; empty for runtimes that only run on their official image (.NET). */
    static Optional<ImageRecipe> of(LambdaRuntime runtime) {
        return Optional.ofNullable(switch (runtime.family()) {
            case PYTHON -> recipe("python", List.of("python3", "python3-boto3"), "Python 3.13", List.of(),
                    "boto3 1.37 (Debian's python3-boto3)");
            case NODE -> recipe("node", List.of("nodejs"), "Node.js 20", JS_SDK,
                    "AWS SDK for JavaScript v3 (" + JS_SDK.size() + " clients from the npm registry)");
            case RUBY -> recipe("ruby", List.of("ruby", "ruby-aws-sdk-core", "ruby-aws-sdk-s3"), "Ruby 3.3", List.of(),
                    "aws-sdk-core 3.212 and aws-sdk-s3 1.170 (Debian's ruby-aws-sdk-*)");
            case JAVA -> runtime == LambdaRuntime.JAVA_25
                    ? recipe("java25", List.of("openjdk-25-jre-headless"), "Java 25", List.of(), "none (bundle it)")
                    : recipe("java21", List.of("openjdk-21-jre-headless"), "Java 21", List.of(), "none (bundle it)");
            case PROVIDED -> recipe("provided", List.of("curl"), "none (custom runtime)", List.of(), "none");
            case DOTNET -> null;
        });
    }

    private static ImageRecipe recipe(String name, List<String> packages, String version, List<String> npm,
                                      String sdk) {
        List<String> all = new ArrayList<>(packages);
        all.add("ca-certificates");
        return new ImageRecipe(name, "lambda-console/runtime-" + name + ":" + SUITE, List.copyOf(all), version,
                List.copyOf(npm), sdk);
    }

    /**
     * What the local image means for {@code runtime}, e.g. "python3.14 runs on Debian's Python 3.13 locally"; says
     * "runs on" also when the versions match, so every message names the interpreter that really runs.
     */
    String runsOn(LambdaRuntime runtime) {
        String on = runtime.family() == LambdaRuntime.Family.PROVIDED ? "Debian " + SUITE : "Debian's " + languageVersion;
        return runtime.id() + " runs on " + on + " locally (" + tag + ", AWS SDK: " + sdk + ")";
    }

    /** The official AWS base image for a runtime, e.g. public.ecr.aws/lambda/python:3.12. */
    static String official(LambdaRuntime runtime) {
        return official(DockerSettings.OFFICIAL_IMAGES, runtime);
    }

    /** The official base image of a runtime under {@code registry}, e.g. {@code <registry>/python:3.12}. */
    static String official(String registry, LambdaRuntime runtime) {
        return registry + "/" + runtime.officialImageTag();
    }
}
