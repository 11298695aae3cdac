package dev.lambdaconsole.app.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One tab of a function page (Code, Test, Monitor, Configuration): its content and how to release it. */
public record FunctionTab(String id, String title, Ikon icon, Node content, Runnable onClose) { }
