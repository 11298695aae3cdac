package dev.lambdaconsole.icons;

import dev.lambdaconsole.icons.generator.IconGenerator;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.stream.Stream;

import static dev.lambdaconsole.icons.IconFiles.OUT;
import static dev.lambdaconsole.icons.IconFiles.SVG;
import static dev.lambdaconsole.icons.IconFiles.assertTile;
import static dev.lambdaconsole.icons.IconFiles.png;
import static org.assertj.core.api.Assertions.assertThat;

/** The PNGs the build rendered from the masters: the installers' files and the jar's resources. */
class RenderedIconsTest {
    @Test
    void theMasterIsCopiedForTheScalableIconTheme() throws Exception {
        assertThat(SVG.resolve("lambda-console.svg")).isRegularFile();
        assertThat(Files.mismatch(SVG.resolve("lambda-console.svg"), OUT.resolve("lambda-console.svg"))).isEqualTo(-1);
        String svg = Files.readString(SVG.resolve("lambda-console.svg"));
        assertThat(svg).as("the lambda is a drawn path, not a font glyph").contains("<path").doesNotContain("<text");
    }

    @Test
    void everyFileSizeIsAnOrangeTileWithAWhiteLambda() {
        assertThat(IconGenerator.FILE_SIZES).containsExactly(16, 22, 24, 32, 48, 64, 128, 256, 512, 1024);
        for (int size : IconGenerator.FILE_SIZES) {
            BufferedImage image = png(OUT.resolve("png/lambda-console-" + size + ".png"));
            assertTile(image, size);
            int argb = image.getRGB(size / 8, size / 2); // left of the glyph, inside the tile
            assertThat((argb >> 16) & 0xff).as("red at %s px", size).isGreaterThan(200);
            assertThat(argb & 0xff).as("blue at %s px", size).isLessThan(60);
        }
    }

    @Test
    void theJarHoldsTheWindowIconsAtTheirSizes() throws Exception {
        assertThat(Icons.appIconUrls()).hasSize(6);
        for (int size : Icons.APP_SIZES) {
            try (var in = Icons.app(size).openStream()) {
                byte[] bytes = in.readAllBytes();
                assertTile(png(bytes), size);
                assertThat(bytes).isEqualTo(Files.readAllBytes(OUT.resolve("png/lambda-console-" + size + ".png")));
            }
        }
    }

    @Test
    void everySourceIconHasItsMasterAndItsSizesWithHiDpiCopies() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(SVG.resolve("sources"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactlyElementsOf(
                    Stream.of(SourceIcon.values()).map(i -> i.fileName() + ".svg").sorted().toList());
        }
        for (SourceIcon icon : SourceIcon.values()) {
            for (int size : Icons.SOURCE_SIZES) {
                try (var in = icon.url(size).openStream()) {
                    assertTile(png(in.readAllBytes()), size);
                }
                var hiDpi = Icons.class.getClassLoader().getResource(icon.resource(size, true));
                assertThat(hiDpi).as("%s @2x", icon).isNotNull();
                assertThat(hiDpi.toString()).isEqualTo(icon.url(size).toString().replace(".png", "@2x.png"));
                try (var in = hiDpi.openStream()) {
                    assertTile(png(in.readAllBytes()), 2 * size);
                }
            }
        }
    }

    @Test
    void sourceIconsAreTellApartByTheirColourOrTheirGlyph() throws Exception {
        java.util.Map<String, SourceIcon> seen = new java.util.HashMap<>();
        for (SourceIcon icon : SourceIcon.values()) {
            byte[] bytes;
            try (var in = icon.url(32).openStream()) {
                bytes = in.readAllBytes();
            }
            SourceIcon same = seen.put(java.util.Arrays.toString(bytes), icon);
            assertThat(same).as("%s is drawn like %s", icon, same).isNull();
        }
    }

    @Test
    void unknownSizesAreRefusedWithTheSizesThereAre() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Icons.app(20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[16, 32, 48, 64, 128, 256]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourceIcon.S3.url(64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[16, 32]");
    }
}
