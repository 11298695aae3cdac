package dev.lambdaconsole.icons.generator;

import dev.lambdaconsole.icons.Icons;
import dev.lambdaconsole.icons.SourceIcon;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The build's icon renderer (exec-maven-plugin, phase process-classes; not in the jar). From
 * {@code <svg>/lambda-console.svg} and {@code <svg>/sources/*.svg} it writes
 * <ul>
 *   <li>{@code <out>/lambda-console.svg} (the master, for hicolor's scalable folder), {@code <out>/png/lambda-console-N.png}
 *       for N in {@link #FILE_SIZES}, {@code <out>/lambda-console.ico} ({@link #ICO_SIZES}) and
 *       {@code <out>/lambda-console.icns} (the sizes of {@link IcnsWriter#TYPES}): what the installers take;</li>
 *   <li>into {@code <classes>}: {@link Icons#appResource} for {@link Icons#APP_SIZES} (the window's icons) and
 *       {@link SourceIcon#resource} for {@link Icons#SOURCE_SIZES}, each with its {@code @2x} copy.</li>
 * </ul>
 * Nothing is rendered when every output is newer than the SVGs and this package's classes.
 */
public final class IconGenerator {
    /** Linux hicolor's sizes and macOS's two largest. */
    public static final List<Integer> FILE_SIZES = List.of(16, 22, 24, 32, 48, 64, 128, 256, 512, 1024);
    /** The sizes in the Windows icon. */
    public static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 256);

    private final Path svg;
    private final Path out;
    private final Path classes;

    IconGenerator(Path svg, Path out, Path classes) {
        this.svg = svg;
        this.out = out;
        this.classes = classes;
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: IconGenerator SVG_DIR OUTPUT_DIR CLASSES_DIR");
        }
        new IconGenerator(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])).run();
    }

    Path master() { return svg.resolve(Icons.APP_NAME + ".svg"); }

    Path source(SourceIcon icon) { return svg.resolve("sources").resolve(icon.fileName() + ".svg"); }

    /** Every file this run writes, in the order written. */
    List<Path> outputs() {
        List<Path> files = new ArrayList<>();
        files.add(out.resolve(Icons.APP_NAME + ".svg"));
        for (int size : FILE_SIZES) files.add(out.resolve("png").resolve(Icons.APP_NAME + "-" + size + ".png"));
        files.add(out.resolve(Icons.APP_NAME + ".ico"));
        files.add(out.resolve(Icons.APP_NAME + ".icns"));
        for (int size : Icons.APP_SIZES) files.add(classes.resolve(Icons.appResource(size)));
        for (SourceIcon icon : SourceIcon.values()) {
            for (int size : Icons.SOURCE_SIZES) {
                files.add(classes.resolve(icon.resource(size, false)));
                files.add(classes.resolve(icon.resource(size, true)));
            }
        }
        return files;
    }

    void run() {
        checkSources();
        if (upToDate()) return;
        renderApp();
        renderSources();
    }

    /** Each SourceIcon has its SVG, and each SVG its SourceIcon (else it would be drawn and never shown). */
    private void checkSources() {
        for (SourceIcon icon : SourceIcon.values()) {
            if (!Files.isRegularFile(source(icon))) throw new IllegalStateException("Missing " + source(icon));
        }
        if (!Files.isRegularFile(master())) throw new IllegalStateException("Missing " + master());
        TreeSet<String> known = new TreeSet<>();
        for (SourceIcon icon : SourceIcon.values()) known.add(icon.fileName() + ".svg");
        try (Stream<Path> files = Files.list(svg.resolve("sources"))) {
            List<String> unknown = files.map(p -> p.getFileName().toString()).filter(n -> !known.contains(n)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("No SourceIcon constant names " + unknown + " in " + svg.resolve("sources"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean upToDate() {
        List<Path> inputs = new ArrayList<>();
        inputs.add(master());
        for (SourceIcon icon : SourceIcon.values()) inputs.add(source(icon));
        Path code = classes.resolve("dev/lambdaconsole/icons");
        try (Stream<Path> walk = Files.exists(code) ? Files.walk(code) : Stream.empty()) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(inputs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileTime newestInput = inputs.stream().map(IconGenerator::modified).max(FileTime::compareTo).orElseThrow();
        return outputs().stream().allMatch(p -> Files.isRegularFile(p) && modified(p).compareTo(newestInput) > 0);
    }

    private void renderApp() {
        TreeSet<Integer> sizes = new TreeSet<>(FILE_SIZES);
        sizes.addAll(ICO_SIZES);
        sizes.addAll(Icons.APP_SIZES);
        sizes.addAll(IcnsWriter.TYPES.values());
        Map<Integer, BufferedImage> images = new LinkedHashMap<>();
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : sizes) {
            BufferedImage image = SvgRenderer.render(master(), size);
            images.put(size, image);
            pngs.put(size, Png.encode(image));
        }
        try {
            Files.createDirectories(out.resolve("png"));
            Files.copy(master(), out.resolve(Icons.APP_NAME + ".svg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int size : FILE_SIZES) write(out.resolve("png").resolve(Icons.APP_NAME + "-" + size + ".png"), pngs.get(size));
        write(out.resolve(Icons.APP_NAME + ".ico"), IcoWriter.write(ICO_SIZES.stream().map(images::get).toList()));
        write(out.resolve(Icons.APP_NAME + ".icns"), IcnsWriter.write(pngs));
        for (int size : Icons.APP_SIZES) write(classes.resolve(Icons.appResource(size)), pngs.get(size));
    }

    private void renderSources() {
        for (SourceIcon icon : SourceIcon.values()) {
            Map<Integer, byte[]> pngs = new LinkedHashMap<>();
            for (int size : Icons.SOURCE_SIZES) {
                for (int pixels : List.of(size, 2 * size)) {
                    pngs.computeIfAbsent(pixels, p -> Png.encode(SvgRenderer.render(source(icon), p)));
                }
                write(classes.resolve(icon.resource(size, false)), pngs.get(size));
                write(classes.resolve(icon.resource(size, true)), pngs.get(2 * size));
            }
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
