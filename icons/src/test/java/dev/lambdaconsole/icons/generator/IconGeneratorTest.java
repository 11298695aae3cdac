package dev.lambdaconsole.icons.generator;

import dev.lambdaconsole.icons.Icons;
import dev.lambdaconsole.icons.SourceIcon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renderer on a copy of the masters: every output written, nothing redone while up to date, strays refused. */
class IconGeneratorTest {
    @TempDir Path dir;

    private Path copyMasters() throws IOException {
        Path svg = dir.resolve("svg");
        Files.createDirectories(svg.resolve("sources"));
        Files.copy(Path.of("src/main/svg/lambda-console.svg"), svg.resolve("lambda-console.svg"));
        try (Stream<Path> files = Files.list(Path.of("src/main/svg/sources"))) {
            for (Path f : files.toList()) Files.copy(f, svg.resolve("sources").resolve(f.getFileName()));
        }
        return svg;
    }

    private static List<FileTime> times(List<Path> files) {
        return files.stream().map(p -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void rendersEveryOutputOnceAndAgainWhenAMasterChanges() throws Exception {
        Path svg = copyMasters();
        IconGenerator generator = new IconGenerator(svg, dir.resolve("out"), dir.resolve("classes"));
        generator.run();
        List<Path> outputs = generator.outputs();
        assertThat(outputs).hasSize(1 + 10 + 2 + Icons.APP_SIZES.size() + SourceIcon.values().length * 4);
        assertThat(outputs).allMatch(Files::isRegularFile);
        assertThat(outputs).contains(dir.resolve("out/png/lambda-console-1024.png"), dir.resolve("out/lambda-console.icns"),
                dir.resolve("classes/dev/lambdaconsole/icons/sources/s3-16@2x.png"));

        List<FileTime> first = times(outputs);
        generator.run();
        assertThat(times(outputs)).as("up to date: nothing rewritten").isEqualTo(first);

        Files.setLastModifiedTime(svg.resolve("sources/s3.svg"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        generator.run();
        List<FileTime> third = times(outputs);
        for (int i = 0; i < outputs.size(); i++) {
            assertThat(third.get(i)).as("%s rendered again", outputs.get(i)).isNotEqualTo(first.get(i));
        }
    }

    @Test
    void anSvgWithoutItsSourceIconIsRefused() throws Exception {
        Path svg = copyMasters();
        Files.copy(svg.resolve("sources/s3.svg"), svg.resolve("sources/glacier.svg"));
        IconGenerator generator = new IconGenerator(svg, dir.resolve("out"), dir.resolve("classes"));
        assertThatThrownBy(generator::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("glacier.svg");
    }

    @Test
    void aMissingMasterIsRefused() throws Exception {
        Path svg = copyMasters();
        Files.delete(svg.resolve("sources/kinesis.svg"));
        IconGenerator generator = new IconGenerator(svg, dir.resolve("out"), dir.resolve("classes"));
        assertThatThrownBy(generator::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("kinesis.svg");
    }
}
