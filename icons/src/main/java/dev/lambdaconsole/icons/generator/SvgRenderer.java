package dev.lambdaconsole.icons.generator;

import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Renders an SVG file to a square ARGB image with Batik (anti-aliased, transparent where the SVG draws nothing). */
final class SvgRenderer {
    private SvgRenderer() { }

    static BufferedImage render(Path svg, int size) {
        Capture transcoder = new Capture();
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) size);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) size);
        try {
            transcoder.transcode(new TranscoderInput(svg.toUri().toString()), new TranscoderOutput());
        } catch (TranscoderException e) {
            throw new IllegalStateException("Cannot render " + svg + " at " + size + " px: " + e.getMessage(), e);
        }
        BufferedImage image = transcoder.image;
        if (image == null || image.getWidth() != size || image.getHeight() != size) {
            throw new IllegalStateException(svg + " did not render to " + size + "x" + size
                    + " (is its viewBox square?)");
        }
        return image;
    }

    /** Keeps the rendered image instead of encoding it: the generator writes PNG, ICO and ICNS from it itself. */
    private static final class Capture extends ImageTranscoder {
        BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public void writeImage(BufferedImage img, TranscoderOutput output) { this.image = img; }
    }
}
