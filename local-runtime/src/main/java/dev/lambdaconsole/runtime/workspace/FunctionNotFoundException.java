package dev.lambdaconsole.runtime.workspace;

/** No function of that name exists in the workspace. */
public class FunctionNotFoundException extends RuntimeException {
    private final String functionName;

    public FunctionNotFoundException(String functionName) {
        super("Function not found: " + functionName);
        this.functionName = functionName;
    }

    public String functionName() { return functionName; }
}
