package dev.lambdaconsole.runtime.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Lambda's quotas and formats for a function configuration, with messages a user can act on. */
public final class FunctionValidator {
    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final Pattern ENV_KEY = Pattern.compile("^[a-zA-Z]([a-zA-Z0-9_])*$");
    private static final Pattern LAYER_ARN = Pattern.compile(
            "^arn:[a-zA-Z0-9-]+:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$");
    public static final int MAX_ENV_BYTES = 4 * 1024;
    public static final int MAX_LAYERS = 5;

    /** Variables Lambda sets itself; a function may not define them. */
    public static final Set<String> RESERVED_VARIABLES = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ");

    private FunctionValidator() { }

    /** Throws {@link ValidationException} listing every broken rule. */
    public static void validate(FunctionConfig c) {
        List<ValidationException.Problem> problems = new ArrayList<>();
        checkName(c.functionName(), problems);
        boolean image = "Image".equals(c.packageType());
        if (c.packageType() != null && !image && !"Zip".equals(c.packageType())) {
            problems.add(new ValidationException.Problem("PackageType", "must be Zip or Image", c.packageType()));
        }
        if (image) {
            if (c.imageUri() == null || c.imageUri().isBlank()) {
                problems.add(new ValidationException.Problem("ImageUri", "is required when PackageType is Image", null));
            }
        } else {
            checkRuntimeAndHandler(c.runtime(), c.handler(), problems);
        }
        range(problems, "MemorySize", c.memorySize(), 128, 10240, "MB");
        range(problems, "Timeout", c.timeout(), 1, 900, "seconds");
        if (c.ephemeralStorage() != null) {
            range(problems, "EphemeralStorage.Size", c.ephemeralStorage().size(), 512, 10240, "MB");
        }
        if (c.architectures() != null) {
            if (c.architectures().size() != 1 || !Set.of("x86_64", "arm64").contains(c.architectures().get(0))) {
                problems.add(new ValidationException.Problem("Architectures",
                        "must hold exactly one of x86_64 or arm64", c.architectures()));
            }
        }
        checkVariables(c.variables(), problems);
        checkLayers(c.layersOrEmpty(), problems);
        if (c.reservedConcurrentExecutions() != null && c.reservedConcurrentExecutions() < 0) {
            problems.add(new ValidationException.Problem("ReservedConcurrentExecutions", "must be 0 or more",
                    c.reservedConcurrentExecutions()));
        }
        if (c.provisionedConcurrentExecutions() != null && c.provisionedConcurrentExecutions() < 0) {
            problems.add(new ValidationException.Problem("ProvisionedConcurrentExecutions", "must be 0 or more",
                    c.provisionedConcurrentExecutions()));
        }
        if (c.description() != null && c.description().length() > 256) {
            problems.add(new ValidationException.Problem("Description", "must be at most 256 characters",
                    c.description().length() + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public static void checkName(String name, List<ValidationException.Problem> problems) {
        if (name == null || name.isEmpty()) {
            problems.add(new ValidationException.Problem("FunctionName", "is required", null));
        } else if (!NAME.matcher(name).matches()) {
            problems.add(new ValidationException.Problem("FunctionName",
                    "must be 1 to 64 characters of letters, digits, hyphens and underscores", name));
        }
    }

    private static void checkRuntimeAndHandler(String runtime, String handler, List<ValidationException.Problem> problems) {
        Optional<LambdaRuntime> known = runtime == null ? Optional.empty() : LambdaRuntime.byId(runtime);
        if (runtime == null) {
            problems.add(new ValidationException.Problem("Runtime", "is required for a .zip function; one of "
                    + String.join(", ", LambdaRuntime.ids()), null));
        } else if (known.isEmpty()) {
            problems.add(new ValidationException.Problem("Runtime", "must be one of "
                    + String.join(", ", LambdaRuntime.ids()), runtime));
        }
        if (handler == null || handler.isEmpty()) {
            problems.add(new ValidationException.Problem("Handler", "is required for a .zip function", null));
        } else if (known.isPresent() && !known.get().family().acceptsHandler(handler)) {
            problems.add(new ValidationException.Problem("Handler", "for " + runtime + " must be "
                    + known.get().family().handlerRule() + ", at most 128 characters", handler));
        }
    }

    private static void range(List<ValidationException.Problem> problems, String field, Integer value, int min, int max,
                              String unit) {
        if (value != null && (value < min || value > max)) {
            problems.add(new ValidationException.Problem(field, "must be between " + min + " and " + max + " " + unit,
                    value));
        }
    }

    static void checkVariables(Map<String, String> variables, List<ValidationException.Problem> problems) {
        int bytes = 0;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            String key = e.getKey();
            if (!ENV_KEY.matcher(key).matches()) {
                problems.add(new ValidationException.Problem("Environment.Variables." + key,
                        "name must start with a letter and hold only letters, digits and underscores", key));
            } else if (RESERVED_VARIABLES.contains(key)) {
                problems.add(new ValidationException.Problem("Environment.Variables." + key,
                        "is reserved by Lambda; choose another name", key));
            }
            bytes += key.getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (bytes > MAX_ENV_BYTES) {
            problems.add(new ValidationException.Problem("Environment.Variables",
                    "names and values together must not exceed 4 KB (4096 bytes)", bytes + " bytes"));
        }
    }

    /** Bytes the variables take against the 4 KB limit (names plus values, UTF-8). */
    public static int variablesSize(Map<String, String> variables) {
        return variables.entrySet().stream().mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length)).sum();
    }

    private static void checkLayers(List<FunctionConfig.Layer> layers, List<ValidationException.Problem> problems) {
        if (layers.size() > MAX_LAYERS) {
            problems.add(new ValidationException.Problem("Layers", "a function can use at most 5 layers",
                    layers.size() + " layers"));
        }
        for (FunctionConfig.Layer layer : layers) {
            if (layer.arn() == null || !LAYER_ARN.matcher(layer.arn()).matches()) {
                problems.add(new ValidationException.Problem("Layers",
                        "each layer must be a layer version ARN like arn:aws:lambda:us-east-1:000000000000:layer:NAME:1",
                        layer.arn()));
            }
        }
    }
}
