package dev.lambdaconsole.runtime.workspace;

/** No function of that name exists in the workspace, or it has no version or alias of that qualifier. */
public class FunctionNotFoundException extends RuntimeException {
    private final String functionName;
    private final String qualifier;

    public FunctionNotFoundException(String functionName) {
        this(functionName, null);
    }

    /** @param qualifier the version or alias that does not exist, or null when the function itself does not */
    public FunctionNotFoundException(String functionName, String qualifier) {
        super("Function not found: " + functionName + (qualifier == null ? "" : ":" + qualifier));
        this.functionName = functionName;
        this.qualifier = qualifier;
    }

    public String functionName() { return functionName; }

    /** The missing version or alias, or null. */
    public String qualifier() { return qualifier; }
}
