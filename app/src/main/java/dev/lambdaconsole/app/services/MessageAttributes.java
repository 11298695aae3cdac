package dev.lambdaconsole.app.services;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The message attribute rows of a send or publish form, checked as typed against the rules SQS and SNS share:
 * at most 10; names of 1–256 letters, digits, {@code _ - .}, not starting with {@code AWS.} or {@code Amazon.},
 * no {@code ..}, not starting or ending with a dot, each once; types String, Number, Binary (optionally with a
 * custom {@code .suffix}) — and String.Array where {@code arrays} (SNS); a value for each; numbers that are
 * numbers, binary values in base64.
 */
public final class MessageAttributes {
    public static final int MAX = 10;
    private final boolean arrays;
    private final ObservableList<AttributeRow> rows = FXCollections.observableArrayList(
            r -> new Observable[]{r.nameProperty(), r.typeProperty(), r.valueProperty()});
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public MessageAttributes(boolean arrays) {
        this.arrays = arrays;
        rows.addListener((javafx.collections.ListChangeListener<AttributeRow>) c -> check());
    }

    public ObservableList<AttributeRow> rows() { return rows; }

    /** What is wrong with the table as a whole, or with its first bad row; empty when fine. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public AttributeRow add() {
        AttributeRow r = new AttributeRow();
        rows.add(r);
        return r;
    }

    public AttributeRow add(String name, String type, String value) {
        AttributeRow r = new AttributeRow();
        r.nameProperty().set(name);
        r.typeProperty().set(type);
        r.valueProperty().set(value);
        rows.add(r);
        return r;
    }

    public void remove(AttributeRow row) { rows.remove(row); }

    /** The rows that count (a row with neither name nor value is left out). */
    public List<AttributeRow> filled() {
        return rows.stream().filter(r -> !r.name().isEmpty() || !r.value().isEmpty()).toList();
    }

    public boolean valid() { return error.get().isEmpty(); }

    private void check() {
        Set<String> seen = new HashSet<>();
        String first = "";
        for (AttributeRow r : rows) {
            String p = (r.name().isEmpty() && r.value().isEmpty()) ? "" : problem(r, seen);
            r.problem(p);
            if (first.isEmpty() && !p.isEmpty()) first = (r.name().isEmpty() ? "Attribute" : r.name()) + ": " + p;
        }
        if (first.isEmpty() && filled().size() > MAX) {
            first = "Too many attributes: a message can have at most " + MAX + " (this one has " + filled().size() + ")";
        }
        error.set(first);
    }

    private String problem(AttributeRow r, Set<String> seen) {
        String name = r.name();
        if (name.isEmpty()) return "name is required";
        if (name.length() > 256) return "name must be at most 256 characters (has " + name.length() + ")";
        if (!name.matches("[A-Za-z0-9_.-]+")) return "name may hold only letters, digits, _ - and .";
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) return "names starting with AWS. or Amazon. are reserved";
        if (name.startsWith(".") || name.endsWith(".")) return "name must not start or end with a dot";
        if (name.contains("..")) return "name must not have two dots in a row";
        if (!seen.add(name)) return "appears twice; each name must be unique";
        String type = r.type();
        String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        if (arrays && type.equals("String.Array")) base = "String.Array";
        if (!List.of("String", "Number", "Binary").contains(base) && !base.equals("String.Array")) {
            return "type must be String, Number" + (arrays ? ", Binary or String.Array" : " or Binary")
                    + " (optionally with a .suffix)";
        }
        String value = r.value();
        if (value.isEmpty()) return "a value is required";
        switch (base) {
            case "Number" -> {
                try {
                    new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    return "a Number value must be a number (got " + value + ")";
                }
            }
            case "Binary" -> {
                try {
                    Base64.getDecoder().decode(value.trim());
                } catch (IllegalArgumentException e) {
                    return "a Binary value must be base64";
                }
            }
            case "String.Array" -> {
                if (!value.trim().startsWith("[") || !value.trim().endsWith("]")) {
                    return "a String.Array value must be a JSON array, e.g. [\"a\", 1]";
                }
            }
            default -> { }
        }
        return "";
    }
}
