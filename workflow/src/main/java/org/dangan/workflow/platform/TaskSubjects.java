package org.dangan.workflow.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a task is about, as the inbox names it: each module answers for the kinds of its own
 * processes (the platform knows no module), from the process's business key and variables.
 */
interface TaskSubjects {

    Set<TaskKind> kinds();

    /**
     * @param businessKey the id the process runs for (a campaign, a check-out, a record number)
     * @param variables   the variables the task sees
     */
    Subject subject(TaskKind kind, String businessKey, Map<String, Object> variables);

    /**
     * A translatable label ({@code key} in the bundles, with {@code arguments}), the institution
     * the task is for (its name, or null), the day it is due (or null), and the record of the
     * resident it is about (or null), so that screens can name the person through the registry's
     * scoped, audited read; the name itself never rides in a task.
     */
    record Subject(String key, Object[] arguments, String institutionName, Instant due, String recordNumber) {

        public Subject {
            arguments = arguments == null ? new Object[0] : arguments.clone();
        }

        public Subject(String key, Object[] arguments, String institutionName, Instant due) {
            this(key, arguments, institutionName, due, null);
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
