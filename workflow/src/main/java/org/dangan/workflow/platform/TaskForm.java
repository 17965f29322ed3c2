package org.dangan.workflow.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one user task takes from the one who completes it: each variable by name, with its kind
 * and limits. Anything else sent with a completion is refused (see {@link TaskCompletionGuard}),
 * so a completion cannot rewrite the ids, groups or decisions the process was started with.
 */
public record TaskForm(String process, String task, Map<String, Field> fields) {

    /** The longest reason a decision keeps (the domain keeps 500 characters). */
    public static final int REASON_LENGTH = 500;

    public enum Kind {
        BOOLEAN,
        TEXT,
        CHOICE,
        TEXT_LIST,
        TEXT_MAP
    }

    /** One variable of a form; {@code maxItems} counts the entries of a list or map. */
    public record Field(String name, Kind kind, int maxLength, int maxItems, Set<String> choices) {

        public static Field yesNo(String name) {
            return new Field(name, Kind.BOOLEAN, 0, 0, Set.of());
        }

        public static Field text(String name, int maxLength) {
            return new Field(name, Kind.TEXT, maxLength, 0, Set.of());
        }

        public static Field choice(String name, String... choices) {
            return new Field(name, Kind.CHOICE, 0, 0, Set.of(choices));
        }

        public static Field texts(String name, int maxItems, int maxLength) {
            return new Field(name, Kind.TEXT_LIST, maxLength, maxItems, Set.of());
        }

        /** Text keyed by text, e.g. a box barcode to what is wrong with it. */
        public static Field textMap(String name, int maxItems, int maxLength) {
            return new Field(name, Kind.TEXT_MAP, maxLength, maxItems, Set.of());
        }
    }

    /** A form of the process with BPMN id {@code process} for its user task {@code task}; no fields: nothing to send. */
    public static TaskForm of(String process, String task, Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        Arrays.stream(fields).forEach(f -> byName.put(f.name(), f));
        return new TaskForm(process, task, Map.copyOf(byName));
    }

    /** The forms of one process's user tasks; each listener of a process offers them. */
    public interface Forms {
        List<TaskForm> forms();
    }
}
