package dev.lambdaconsole.simulators.s3;

import java.util.regex.Pattern;

/** S3's rules for bucket names (general purpose buckets). */
final class BucketNames {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    static final String RULE = "Bucket names must be 3 to 63 characters long, use only lower-case letters, digits, dots "
            + "and hyphens, begin and end with a letter or digit, have no two adjacent dots, not look like an IP "
            + "address, and not begin with xn--, sthree- or amzn-s3-demo- nor end with -s3alias or --ol-s3";

    private BucketNames() { }

    /** Why {@code name} is not a valid bucket name, or null when it is. */
    static String problem(String name) {
        if (name.length() < 3 || name.length() > 63) return "it has " + name.length() + " characters";
        if (!NAME.matcher(name).matches()) return "it has a character other than a-z, 0-9, '.' and '-' or does not "
                + "begin and end with a letter or digit";
        if (name.contains("..")) return "it has two adjacent dots";
        if (IP.matcher(name).matches()) return "it looks like an IP address";
        if (name.startsWith("xn--") || name.startsWith("sthree-") || name.startsWith("amzn-s3-demo-")) {
            return "it begins with a reserved prefix";
        }
        if (name.endsWith("-s3alias") || name.endsWith("--ol-s3")) return "it ends with a reserved suffix";
        return null;
    }

    static boolean valid(String name) { return problem(name) == null; }

    static void require(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid: " + problem + ". "
                    + RULE + ".").with("BucketName", name);
        }
    }
}
