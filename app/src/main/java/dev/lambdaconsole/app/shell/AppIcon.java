package dev.lambdaconsole.app.shell;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

import java.util.List;

/** The window icon: a white lambda on an orange rounded square, drawn at the sizes desktops ask for. */
final class AppIcon {
    private AppIcon() { }

    static List<Image> images() {
        return List.of(draw(16), draw(32), draw(64), draw(128));
    }

    private static Image draw(int size) {
        Canvas canvas = new Canvas(size, size);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double arc = size * 0.35;
        g.setFill(Color.web("#ed7100"));
        g.fillRoundRect(0, 0, size, size, arc, arc);
        g.setFill(Color.WHITE);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, size * 0.78));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("λ", size / 2.0, size * 0.52);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return canvas.snapshot(p, null);
    }
}
