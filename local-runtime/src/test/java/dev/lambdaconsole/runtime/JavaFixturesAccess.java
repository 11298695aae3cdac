package dev.lambdaconsole.runtime;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages compile the Java fixture functions. */
public final class JavaFixturesAccess {
    private JavaFixturesAccess() { }

    public static Path compile(Path outputDir) throws IOException {
        return JavaFixtures.compile(outputDir);
    }
}
