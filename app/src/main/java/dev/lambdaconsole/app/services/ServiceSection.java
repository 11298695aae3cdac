package dev.lambdaconsole.app.services;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One part of the Services page (Buckets, Queues, Topics, Event buses, Schedules, Streams, APIs): its list entry
 * and content, and how to release it (listeners, timers) when the page closes.
 */
public record ServiceSection(String id, String title, Ikon icon, Node content, Runnable onClose) { }
