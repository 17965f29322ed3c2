package org.dangan.workflow.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a task is about, as the inbox names it: each module answers for the kinds of its own
 * processes (the platform knows no module), from the process's business key and variables.
 */
public interface TaskSubjects {

    Set<TaskKind> kinds();

    /**
     * @param businessKey the id the process runs for (a campaign, a check-out, a record number)
     * @param variables   the variables the task sees
     */
    Subject subject(TaskKind kind, String businessKey, Map<String, Object> variables);

    /**
     * A translatable label ({@code key} in the bundles, with {@code arguments}), the institution
     * the task is for (its name, or null) and the day it is due (or null).
     */
    record Subject(String key, Object[] arguments, String institutionName, Instant due) {

        public Subject {
            arguments = arguments == null ? new Object[0] : arguments.clone();
        }

        @Override
        public Object[] arguments() {
            return arguments.clone();
        }

        /** What a subject is named when its module no longer finds it: the process and its key. */
        public static Subject unknown(String businessKey) {
            return new Subject("tasks.subject.unknown", new Object[] {businessKey}, null, null);
        }
    }
}
