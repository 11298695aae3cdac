package dev.lambdaconsole.icons;

import java.net.URL;

/**
 * The drawn icons of trigger sources and destinations, one SVG each in {@code src/main/svg/sources/<file name>.svg},
 * rendered by the build at {@link Icons#SOURCE_SIZES} (each also as {@code @2x}, which JavaFX picks on HiDPI screens).
 */
public enum SourceIcon {
    S3("s3"),
    SQS("sqs"),
    SNS("sns"),
    EVENTBRIDGE("eventbridge"),
    SCHEDULE("schedule"),
    API_GATEWAY("apigateway"),
    FUNCTION_URL("functionurl"),
    KINESIS("kinesis"),
    DYNAMODB("dynamodb"),
    CLOUDWATCH("cloudwatch"),
    LAMBDA("lambda");

    private final String fileName;

    SourceIcon(String fileName) { this.fileName = fileName; }

    /** The master's name without {@code .svg}, also the stem of the rendered PNGs. */
    public String fileName() { return fileName; }

    /** The class-path resource (no leading slash) of this icon at a size; {@code hiDpi} names the twice-as-large copy. */
    public String resource(int size, boolean hiDpi) {
        Icons.requireSize(Icons.SOURCE_SIZES, size);
        return Icons.ROOT + "sources/" + fileName + "-" + size + (hiDpi ? "@2x" : "") + ".png";
    }

    /** The PNG of this icon at {@code size} px (16 or 32); the {@code @2x} file sits beside it. */
    public URL url(int size) { return Icons.find(resource(size, false)); }
}
