package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error: status, code, message and the fields S3 adds to its {@code <Error>} (BucketName, Key, UploadId,
 * ArgumentName…), in the words S3 uses.
 */
final class S3Exception extends AwsServiceException {
    private final Map<String, String> fields = new LinkedHashMap<>();

    S3Exception(int status, String code, String message) {
        super(status, code, message);
    }

    S3Exception with(String field, Object value) {
        if (value != null) fields.put(field, String.valueOf(value));
        return this;
    }

    Map<String, String> fields() { return fields; }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist").with("BucketName", bucket);
    }

    static S3Exception noSuchKey(String key) {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    static S3Exception noSuchUpload(String uploadId) {
        return new S3Exception(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.").with("UploadId", uploadId);
    }

    static S3Exception invalidArgument(String message, String name, String value) {
        return new S3Exception(400, "InvalidArgument", message).with("ArgumentName", name).with("ArgumentValue", value);
    }

    static S3Exception invalidRequest(String message) {
        return new S3Exception(400, "InvalidRequest", message);
    }

    static S3Exception malformedXml() {
        return new S3Exception(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static S3Exception notImplemented(String what) {
        return new S3Exception(501, "NotImplemented",
                "A header or query you provided implies functionality that is not implemented (locally): " + what);
    }

    static S3Exception badDigest(String algorithm, String expected, String calculated) {
        String message = algorithm.equals("Content-MD5")
                ? "The Content-MD5 you specified did not match what we received."
                : "The " + algorithm + " you specified did not match the calculated checksum.";
        return new S3Exception(400, "BadDigest", message).with("ExpectedDigest", expected)
                .with("CalculatedDigest", calculated);
    }
}
