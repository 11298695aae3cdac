package dev.lambdaconsole.editor.problems;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Parses Java source in-process with the JDK compiler ({@code javax.tools}). Only parsing runs, so
 * a handler whose libraries are not on this classpath is not flagged. No compiler in the runtime
 * (a trimmed JRE) means no diagnostics.
 */
public final class JavaChecker implements Checker {

    @Override
    public List<Diagnostic> check(String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return List.of();
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Source.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), null, collector,
                List.of("-proc:none", "-Xlint:none"), null, List.of(file));
        try {
            task.parse();
        } catch (IOException | RuntimeException compilerFailure) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>();
        for (var d : collector.getDiagnostics()) {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR && d.getLineNumber() > 0) {
                out.add(Diagnostic.error((int) d.getLineNumber(), (int) Math.max(1, d.getColumnNumber()),
                        d.getMessage(Locale.ROOT)));
            }
        }
        return out;
    }
}
