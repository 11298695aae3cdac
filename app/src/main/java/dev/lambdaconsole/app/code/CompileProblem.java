package dev.lambdaconsole.app.code;

/**
 * One compiler error in a function's Java sources.
 *
 * @param file   the source file, relative to the code folder ('/' separators)
 * @param line   1-based line
 * @param column 1-based column
 */
public record CompileProblem(String file, long line, long column, String message) {

    /** "src/main/java/example/Hello.java:7: cannot find symbol", the form compilers print. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
