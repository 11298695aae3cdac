package example;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** handlers: example.Handlers::fail, example.Handlers::context, example.Handlers::upper */
public class Handlers {
    public static class ValidationException extends RuntimeException {
        public ValidationException(String message) { super(message); }
    }

    public String upper(String input) {
        return input.toUpperCase();
    }

    public Map<String, Object> fail(Map<String, Object> event, Context context) {
        throw new ValidationException("bad input");
    }

    public Map<String, Object> context(Map<String, Object> event, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("functionName", context.getFunctionName());
        out.put("functionVersion", context.getFunctionVersion());
        out.put("invokedFunctionArn", context.getInvokedFunctionArn());
        out.put("memoryLimitInMB", context.getMemoryLimitInMB());
        out.put("awsRequestId", context.getAwsRequestId());
        out.put("logGroupName", context.getLogGroupName());
        out.put("logStreamName", context.getLogStreamName());
        out.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        out.put("myVar", System.getenv("MY_VAR"));
        out.put("executionEnv", System.getenv("AWS_EXECUTION_ENV"));
        return out;
    }
}
