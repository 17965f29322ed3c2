package org.dangan.workflow.platform;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The subject most processes give their tasks: "<what> #<business key>", at the institution of a
 * variable the process keeps (a candidate group such as {@code supervisor-130123101}, or a bare
 * institution code), due on a date variable when it has one. A module extends it with its own
 * label, variables and kinds.
 */
public abstract class GroupTaskSubjects implements TaskSubjects {

    private final CandidateGroups names;
    private final String key;
    private final Function<TaskKind, String> institutionVariable;
    private final String dueVariable;
    private final Set<TaskKind> kinds;

    /**
     * @param institutionVariable for each kind, the variable naming its institution
     * @param dueVariable         a date variable, or null
     */
    protected GroupTaskSubjects(
            CandidateGroups names,
            String key,
            Function<TaskKind, String> institutionVariable,
            String dueVariable,
            TaskKind first,
            TaskKind... rest) {
        this.names = names;
        this.key = key;
        this.institutionVariable = institutionVariable;
        this.dueVariable = dueVariable;
        this.kinds = EnumSet.of(first, rest);
    }

    @Override
    public Set<TaskKind> kinds() {
        return kinds;
    }

    @Override
    public Subject subject(TaskKind kind, String businessKey, Map<String, Object> variables) {
        Instant due = dueVariable == null ? null : CandidateGroups.due(variables, dueVariable);
        return new Subject(
                key,
                new Object[] {businessKey},
                names.institutionName(variables, institutionVariable.apply(kind)),
                due,
                recordNumber(businessKey));
    }

    /** The record of the resident the task is about, for subjects about one person; null otherwise. */
    protected String recordNumber(String businessKey) {
        return null;
    }
}
