package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The recording function of the S3 tests (one JSON line per S3 record it receives) and curl. */
final class S3Fixture {
    static final Path CODE = Path.of("src/test/resources/functions/s3record").toAbsolutePath();

    private S3Fixture() { }

    static void createFunction(AwsCli cli, String name, Path out) throws Exception {
        cli.create(name, "python3.12", "lambda_function.lambda_handler", CODE);
        cli.lambda("update-function-configuration", "--function-name", name, "--timeout", "5",
                "--environment", "Variables={OUT=" + out + "}");
    }

    static String functionArn(String name) { return "arn:aws:lambda:us-east-1:000000000000:function:" + name; }

    static List<JsonNode> received(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(out)) return lines;
        for (String line : Files.readAllLines(out)) if (!line.isBlank()) lines.add(Json.MAPPER.readTree(line));
        return lines;
    }

    /** curl with {@code args}: status line and headers (-i) and body as text. */
    static String curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-i"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** The ETag S3 gives a multipart upload of {@code data} in parts of {@code partSize}. */
    static String multipartEtag(byte[] data, int partSize) throws Exception {
        var all = java.security.MessageDigest.getInstance("MD5");
        int parts = 0;
        for (int at = 0; at < data.length; at += partSize) {
            var md5 = java.security.MessageDigest.getInstance("MD5");
            md5.update(data, at, Math.min(partSize, data.length - at));
            all.update(md5.digest());
            parts++;
        }
        return java.util.HexFormat.of().formatHex(all.digest()) + "-" + parts;
    }
}
