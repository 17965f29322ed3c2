package org.dangan.workflow.platform;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.springframework.stereotype.Component;

/**
 * Reads the institution a task is for out of the candidate group its process names
 * ({@code supervisor-130123101}, see {@link CamundaIdentityMirror}), for the modules' {@link TaskSubjects}.
 */
@Component
public class CandidateGroups {

    private final Institutions institutions;

    CandidateGroups(Institutions institutions) {
        this.institutions = institutions;
    }

    /**
     * The name of the institution in the variable (a group {@code role-code}, or a bare code; codes
     * have no dash), or null when there is none.
     */
    public String institutionName(Map<String, Object> variables, String variable) {
        if (!(variables.get(variable) instanceof String group)) {
            return null;
        }
        return byCode(group.substring(group.lastIndexOf('-') + 1));
    }

    public String byCode(String code) {
        return code == null
                ? null
                : institutions.byCode(code).map(Institution::getName).orElse(null);
    }

    /** A date variable (a deadline the process keeps) as an instant, or null. */
    public static Instant due(Map<String, Object> variables, String variable) {
        return variables.get(variable) instanceof Date date ? date.toInstant() : null;
    }
}
