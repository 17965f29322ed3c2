package org.dangan.workflow.assessment;

import java.util.LinkedHashSet;
import java.util.Set;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;

/** What the assessment's services share about the institution tree. */
final class Assessments {

    private Assessments() {}

    /** A county bureau, a city or the province: the levels that assess the institutions below them. */
    static boolean countyOrAbove(Institution institution) {
        InstitutionType type = institution.getType();
        return type == InstitutionType.COUNTY_BUREAU
                || type == InstitutionType.CITY
                || type == InstitutionType.PROVINCE;
    }

    /** A supervisor of a county or above, or an administrator: who computes and enters populations. */
    static boolean assessor(DanganUser user, Institutions institutions) {
        return user.is(Role.ADMIN)
                || (user.is(Role.SUPERVISOR) && countyOrAbove(institutions.require(user.institutionId())));
    }

    /** The institution and every one above it, from its path ("/1/4/9/"). */
    static Set<Long> selfAndAncestors(Institution institution) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : institution.getPath().split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        ids.add(institution.getId());
        return ids;
    }

    /** An institution nobody may read here, refused by its code as asked: at most 40 characters of it, never megabytes echoed back. */
    static Refused noSuchInstitution(String code) {
        return Refused.notFound("indicators.institution.missing", Refused.echo(code));
    }

    /** The institution of that code in the reader's scope (spaces around it ignored), else refused as not found. */
    static Institution inScope(String code, InstitutionScope scope) {
        return scope.institutions().stream()
                .filter(i -> code != null && i.getCode().equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> noSuchInstitution(code));
    }
}
