package dev.lambdaconsole.app.code;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The outcome of the Code tab's last action ("Deployed 14:02:11", a compile error, a failed upload). */
public final class CodeStatus {
    public enum Kind { NONE, SUCCESS, ERROR }

    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(Kind.NONE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    public Kind kind() { return kind.get(); }
    public String title() { return title.get(); }
    public String detail() { return detail.get(); }

    void success(String title, String detail) { set(Kind.SUCCESS, title, detail); }

    void error(String title, String detail) { set(Kind.ERROR, title, detail); }

    /** Hides the status (the user dismissed it, or a new action started). */
    public void clear() { set(Kind.NONE, "", ""); }

    private void set(Kind k, String t, String d) {
        title.set(t);
        detail.set(d);
        kind.set(k);
    }
}
