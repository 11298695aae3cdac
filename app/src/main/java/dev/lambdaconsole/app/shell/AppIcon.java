package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.icons.Icons;
import javafx.scene.image.Image;

import java.util.List;

/** The window icon at the sizes desktops ask for, rendered by the build from the icons module's SVG master. */
final class AppIcon {
    private AppIcon() { }

    static List<Image> images() {
        return Icons.appIconUrls().stream().map(url -> new Image(url.toExternalForm())).toList();
    }
}
