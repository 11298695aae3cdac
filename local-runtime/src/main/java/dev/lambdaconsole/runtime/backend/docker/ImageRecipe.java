package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.util.List;

/**
 * What a locally built runtime image holds: a Debian bookworm minbase root filesystem with the language's
 * Debian packages. The label records the language version those packages really give (bookworm is frozen),
 * which may differ from the Lambda runtime asked for (e.g. python3.12 runs on Python 3.11 here).
 */
record ImageRecipe(String language, String tag, List<String> packages, String languageVersion) {
    static final String SUITE = "bookworm";

    static ImageRecipe of(LambdaRuntime.Family family) {
        return switch (family) {
            case PYTHON -> recipe("python", List.of("python3"), "Python 3.11");
            case NODE -> recipe("node", List.of("nodejs"), "Node.js 18");
            case RUBY -> recipe("ruby", List.of("ruby"), "Ruby 3.1");
            case JAVA -> recipe("java", List.of("openjdk-17-jre-headless"), "Java 17");
            case PROVIDED -> recipe("provided", List.of("curl"), "none (custom runtime)");
        };
    }

    private static ImageRecipe recipe(String name, List<String> packages, String version) {
        List<String> all = new java.util.ArrayList<>(packages);
        all.add("ca-certificates");
        return new ImageRecipe(name, "lambda-console/runtime-" + name + ":" + SUITE, List.copyOf(all), version);
    }

    /** The official AWS base image for a runtime, e.g. public.ecr.aws/lambda/python:3.12. */
    static String official(LambdaRuntime runtime) {
        return official(DockerSettings.OFFICIAL_IMAGES, runtime);
    }

    /** The official base image of a runtime under {@code registry}, e.g. {@code <registry>/python:3.12}. */
    static String official(String registry, LambdaRuntime runtime) {
        String version = runtime.languageVersion();
        return registry + "/" + switch (runtime.family()) {
            case PYTHON -> "python:" + version;
            case NODE -> "nodejs:" + version;
            case RUBY -> "ruby:" + version;
            case JAVA -> "java:" + version;
            case PROVIDED -> "provided:" + runtime.id().substring("provided.".length());
        };
    }
}
