package org.dangan.ui.support;

import com.vaadin.flow.component.html.Span;
import java.util.Map;

/**
 * A resident as the screens show one: by name beside the record number ("张三 · 35010210100100001"),
 * so nobody has to tell people apart by 17 digits. The number alone when the name is not known to
 * the reader (a record outside their institutions).
 */
public final class Resident {

    private Resident() {}

    public static String label(String name, String recordNumber) {
        String number = recordNumber == null ? "" : recordNumber;
        return name == null || name.isBlank() ? number : name + " · " + number;
    }

    /** The label of a number whose name is looked up in {@code names} (from {@code Records.namesOf}). */
    public static String label(Map<String, String> names, String recordNumber) {
        return label(names.get(recordNumber), recordNumber);
    }

    public static Span span(String name, String recordNumber) {
        Span span = new Span(label(name, recordNumber));
        span.addClassName("resident");
        return span;
    }
}
