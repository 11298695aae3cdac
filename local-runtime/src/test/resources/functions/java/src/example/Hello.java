package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/** handler: example.Hello (a RequestHandler class) */
public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        System.out.println("hello from java");
        context.getLogger().log("logged through the context logger");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "hello " + event.getOrDefault("name", "world"));
        return out;
    }
}
