package org.dangan.workflow.handover;

import org.dangan.workflow.institution.InstitutionStatus;

/** Why an institution hands over its archive, and what it becomes. */
public enum ChangeKind {
    MERGER(InstitutionStatus.MERGED),
    CLOSURE(InstitutionStatus.CLOSED),
    CHANGE_OF_FUNCTION(InstitutionStatus.CLOSED);

    private final InstitutionStatus after;

    ChangeKind(InstitutionStatus after) {
        this.after = after;
    }

    public InstitutionStatus after() {
        return after;
    }
}
