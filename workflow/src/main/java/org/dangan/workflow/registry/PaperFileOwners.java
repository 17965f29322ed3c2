package org.dangan.workflow.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose record a paper file belongs to, so screens show the resident's name beside the file's
 * number. Names are personal data, so the reader's scope is in the query (a file of another
 * institution answers nothing, even when its number comes from a task) and each answer is audited.
 */
@Service
// not read-only: each answer writes its audit entry, which PostgreSQL refuses in a read-only transaction
@Transactional
public class PaperFileOwners {

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final AuditLog auditLog;

    PaperFileOwners(NamedParameterJdbcTemplate jdbc, Institutions institutions, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.auditLog = auditLog;
    }

    /** File number to the resident's name; files not found are missing from the answer. */
    public Map<String, String> names(Collection<String> fileNumbers) {
        Map<String, String> names = new HashMap<>();
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        InstitutionScope scope = institutions.currentScope();
        if (fileNumbers.isEmpty() || scope.ids().isEmpty()) {
            return names;
        }
        jdbc.query("""
                select f.file_number, r.name from paper_file f join health_record r on r.id = f.record_id
                where f.file_number in (:files) and r.institution_id in (:scope)""", new MapSqlParameterSource("files", fileNumbers).addValue("scope", scope.ids()), rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        if (!names.isEmpty()) {
            auditLog.record(
                    AuditAction.RECORD_LIST,
                    "PAPER_FILE",
                    null,
                    scope.root().getId(),
                    "owners of " + String.join(",", names.keySet()));
        }
        return names;
    }
}
