package dev.lambdaconsole.runtime.backend;

import java.util.Locale;

/** The machine's processor architecture in Lambda's names. */
public final class HostArchitecture {
    private HostArchitecture() {}

    /** {@code x86_64} or {@code arm64} for this JVM's machine (another name as the JVM says it). */
    public static String current() {
        return lambdaName(System.getProperty("os.arch", ""));
    }

    /** Lambda's name for an architecture as the JVM or Docker says it: amd64 and x86_64, aarch64 and arm64. */
    public static String lambdaName(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }
}
