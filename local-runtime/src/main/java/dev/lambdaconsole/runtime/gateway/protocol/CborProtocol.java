package dev.lambdaconsole.runtime.gateway.protocol;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Smithy RPC v2 CBOR protocol's error (newer SDKs for CloudWatch, Kinesis's CBOR mode): a CBOR map with
 * {@code __type} and {@code message}, and the {@code Smithy-Protocol} header echoed.
 */
public final class CborProtocol {
    private CborProtocol() { }

    public static ServiceResponse error(AwsServiceException e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xA2); // a map of two pairs
        text(out, "__type");
        text(out, e.code());
        text(out, "message");
        text(out, e.getMessage() == null ? "" : e.getMessage());
        return ServiceResponse.of(e.status(), "application/cbor", out.toByteArray())
                .withHeader("Smithy-Protocol", "rpc-v2-cbor").withHeader("x-amzn-ErrorType", e.code());
    }

    /** A CBOR text string (major type 3) with its length in the shortest form. */
    static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        if (n < 24) {
            out.write(0x60 | n);
        } else if (n < 256) {
            out.write(0x78);
            out.write(n);
        } else if (n < 65536) {
            out.write(0x79);
            out.write(n >> 8);
            out.write(n & 0xFF);
        } else {
            out.write(0x7A);
            for (int shift = 24; shift >= 0; shift -= 8) out.write((n >> shift) & 0xFF);
        }
        out.write(b, 0, n);
    }
}
