package dev.lambdaconsole.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start to first window: launches the console N times as a user would (a fresh JVM on the launcher's class
 * path), each printing the time from JVM start to its window being shown and to the engine being ready, then
 * exiting. A bare JavaFX window (a label) started the same way is the baseline: what the toolkit alone costs.
 * Options: --runs N (default 7), --backend docker|process (default docker), --cds FILE (use an AppCDS archive).
 */
public final class StartupBenchmark {
    private StartupBenchmark() { }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        String backend = "docker";
        String cds = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--backend" -> backend = args[++i];
                case "--cds" -> cds = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Path.of(System.getProperty("user.dir"));
        String appCp = root.resolve("app/target/lambda-console.jar") + java.io.File.pathSeparator
                + root.resolve("app/target/lib/*");
        String benchCp = System.getProperty("java.class.path");
        Path work = Files.createTempDirectory("startup-bench");
        Path settings = work.resolve("settings.properties");
        Files.writeString(settings, "workspace=" + work.resolve("ws").toString().replace("\\", "\\\\")
                + "\nbackend=" + backend + "\nendpoint.port=0\n");
        System.out.printf("Start-up, %d runs, backend %s%s, load %s%n", runs, backend,
                cds == null ? "" : ", AppCDS " + cds, load());
        List<Long> window = new ArrayList<>();
        List<Long> engine = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Dprism.order=sw", "-Dlambdaconsole.startupProbe=true",
                    "-Dlambdaconsole.settings=" + settings));
            if (cds != null) cmd.add("-XX:SharedArchiveFile=" + cds);
            // as ./lambda-console launches it: JavaFX on the module path, the rest on the class path
            cmd.addAll(List.of("--module-path", root.resolve("app/target/fx").toString(),
                    "@" + root.resolve("app/src/main/jvm/jvm-options"), "-cp", appCp, "dev.lambdaconsole.app.Main"));
            for (String line : run(cmd)) {
                if (line.startsWith("window-shown-ms=")) window.add(Long.parseLong(line.substring(16)));
                if (line.startsWith("engine-ready-ms=")) engine.add(Long.parseLong(line.substring(16)));
            }
            for (String line : run(List.of(javaBin(), "-Dprism.order=sw", "-cp", benchCp,
                    "dev.lambdaconsole.benchmarks.BareWindow"))) {
                if (line.startsWith("window-shown-ms=")) bare.add(Long.parseLong(line.substring(16)));
            }
        }
        System.out.println("first window (ms):      " + summary(window));
        System.out.println("engine ready (ms):      " + summary(engine));
        System.out.println("bare JavaFX window (ms): " + summary(bare));
    }

    private static String load() throws java.io.IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }

    private static String summary(List<Long> ms) {
        if (ms.isEmpty()) return "no samples (did the console start? run ./lambda-console once)";
        return Stats.of(ms.stream().mapToLong(v -> v * 1_000_000L).toArray()).toString().replace(".000 ms", " ms");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return lines;
    }
}
