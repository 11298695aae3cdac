package dev.lambdaconsole.runtime.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Lambda runtimes the engine can run, with the handler rules and defaults of each. */
public enum LambdaRuntime {
    PYTHON_3_9("python3.9", Family.PYTHON, "3.9"),
    PYTHON_3_10("python3.10", Family.PYTHON, "3.10"),
    PYTHON_3_11("python3.11", Family.PYTHON, "3.11"),
    PYTHON_3_12("python3.12", Family.PYTHON, "3.12"),
    PYTHON_3_13("python3.13", Family.PYTHON, "3.13"),
    PYTHON_3_14("python3.14", Family.PYTHON, "3.14"),
    NODEJS_18("nodejs18.x", Family.NODE, "18"),
    NODEJS_20("nodejs20.x", Family.NODE, "20"),
    NODEJS_22("nodejs22.x", Family.NODE, "22"),
    NODEJS_24("nodejs24.x", Family.NODE, "24"),
    JAVA_8_AL2("java8.al2", Family.JAVA, "8"),
    JAVA_11("java11", Family.JAVA, "11"),
    JAVA_17("java17", Family.JAVA, "17"),
    JAVA_21("java21", Family.JAVA, "21"),
    JAVA_25("java25", Family.JAVA, "25"),
    RUBY_3_2("ruby3.2", Family.RUBY, "3.2"),
    RUBY_3_3("ruby3.3", Family.RUBY, "3.3"),
    RUBY_3_4("ruby3.4", Family.RUBY, "3.4"),
    DOTNET_8("dotnet8", Family.DOTNET, "8"),
    PROVIDED_AL2("provided.al2", Family.PROVIDED, ""),
    PROVIDED_AL2023("provided.al2023", Family.PROVIDED, "");

    /** Language families: each has one runtime client and one handler syntax. */
    public enum Family {
        PYTHON("lambda_function.lambda_handler",
                Pattern.compile("^[^\\s]+\\.[^\\s./]+$"),
                "module.function, e.g. lambda_function.lambda_handler"),
        NODE("index.handler",
                Pattern.compile("^[^\\s]*[^\\s/.][^\\s/]*\\.[^\\s]+$"),
                "file.export, e.g. index.handler"),
        JAVA("example.Handler::handleRequest",
                Pattern.compile("^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(::[A-Za-z_$][\\w$]*)?$"),
                "package.Class::method or package.Class, e.g. example.Handler::handleRequest"),
        RUBY("lambda_function.lambda_handler",
                Pattern.compile("^[^\\s]+\\.[^\\s]+$"),
                "file.method or file.Module::Class.method, e.g. lambda_function.lambda_handler"),
        /** .NET: only with its official image, which holds the runtime and its client (nothing is built locally). */
        DOTNET("MyFunction::MyFunction.Function::FunctionHandler",
                Pattern.compile("^[^\\s:]+(::[^\\s:]+::[^\\s:]+)?$"),
                "Assembly::Namespace.Class::Method (or the assembly name of an executable assembly), "
                        + "e.g. MyFunction::MyFunction.Function::FunctionHandler"),
        PROVIDED("bootstrap", Pattern.compile("^[^\\s]+$"), "any string without spaces");

        private final String defaultHandler;
        private final Pattern handlerPattern;
        private final String handlerRule;

        Family(String defaultHandler, Pattern handlerPattern, String handlerRule) {
            this.defaultHandler = defaultHandler;
            this.handlerPattern = handlerPattern;
            this.handlerRule = handlerRule;
        }

        public String defaultHandler() { return defaultHandler; }
        public String handlerRule() { return handlerRule; }
        public boolean acceptsHandler(String handler) {
            return handler != null && handler.length() <= 128 && handlerPattern.matcher(handler).matches()
                    && !(this == NODE && handler.contains(".."));
        }
    }

    private final String id;
    private final Family family;
    private final String languageVersion;

    LambdaRuntime(String id, Family family, String languageVersion) {
        this.id = id;
        this.family = family;
        this.languageVersion = languageVersion;
    }

    /** The identifier Lambda uses, e.g. {@code python3.12}. */
    public String id() { return id; }
    public Family family() { return family; }
    /** The language version, e.g. "3.12" for python3.12, "20" for nodejs20.x; empty for provided. */
    public String languageVersion() { return languageVersion; }

    /**
     * The tag of its official base image under public.ecr.aws/lambda/, e.g. {@code python:3.12},
     * {@code java:8.al2}, {@code provided:al2023}.
     */
    public String officialImageTag() {
        return switch (family) {
            case PYTHON -> "python:" + languageVersion;
            case NODE -> "nodejs:" + languageVersion;
            case RUBY -> "ruby:" + languageVersion;
            case JAVA -> "java:" + id.substring("java".length());
            case DOTNET -> "dotnet:" + languageVersion;
            case PROVIDED -> "provided:" + id.substring("provided.".length());
        };
    }

    /** Value of AWS_EXECUTION_ENV, unset (empty) for custom runtimes. */
    public Optional<String> executionEnv() {
        return family == Family.PROVIDED ? Optional.empty() : Optional.of("AWS_Lambda_" + id);
    }

    public static Optional<LambdaRuntime> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LambdaRuntime::id).toList();
    }

    @Override
    public String toString() { return id; }
}
