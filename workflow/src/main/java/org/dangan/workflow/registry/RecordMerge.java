package org.dangan.workflow.registry;

import java.sql.Date;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two records of one person, as the duplicate checks propose: the fields the archivist
 * picks from the duplicate go to the survivor, the duplicate's paper files go under the survivor
 * (its scanned documents follow {@link RecordsMerged} in the document module, which owns them), and
 * the duplicate stays, as DUPLICATE, pointing to it. Only records that
 * look like one person (the same ID number, or the same name and birth date) are merged.
 */
@Service
@Transactional
public class RecordMerge {

    /** The fields that may be taken from the duplicate. */
    public static final Set<String> FIELDS =
            Set.of("name", "gender", "birthDate", "idNumber", "phone", "address", "keyPopulations", "lastServiceDate");

    private final HealthRecordRepository records;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final RecordRows recordRows;

    RecordMerge(
            HealthRecordRepository records,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            RecordRows recordRows) {
        this.recordRows = recordRows;
        this.records = records;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.events = events;
    }

    public record Merged(String survivor, String duplicate, List<String> taken, int paperFiles) {}

    /**
     * Whether the current user may merge records at all: an archivist who may see restricted
     * documents, as {@link #merge} requires. The screens offer a merge, and count what it moves,
     * only then: a count shown to anyone else would tell whose record has restricted scans.
     */
    public boolean mayMerge() {
        return CurrentUser.get()
                .map(u -> u.is(Role.ARCHIVIST) && u.has(Permission.RESTRICTED_DOCUMENTS))
                .orElse(false);
    }

    public Merged merge(String survivorNumber, String duplicateNumber, Set<String> take) {
        DanganUser merger = RoleCheck.require(Role.ARCHIVIST);
        // a merge moves all of a person's record, restricted tags, pages and scans included: a merger
        // who may not see them would move what they cannot check, and a refusal only for restricted
        // records would tell which are (a fabricated twin makes any record a candidate)
        if (!merger.has(Permission.RESTRICTED_DOCUMENTS)) {
            throw Refused.forbidden("records.merge.restricted.forbidden", Permission.RESTRICTED_DOCUMENTS);
        }
        HealthRecord survivor = inScope(survivorNumber);
        HealthRecord duplicate = inScope(duplicateNumber);
        boolean sameId =
                survivor.getIdNumber() != null && survivor.getIdNumber().equals(duplicate.getIdNumber());
        boolean sameNameAndBirth = survivor.getName().equals(duplicate.getName())
                && survivor.getBirthDate() != null
                && survivor.getBirthDate().equals(duplicate.getBirthDate());
        if (!sameId && !sameNameAndBirth) {
            throw Refused.invalid("record.merge.notSamePerson", survivorNumber, duplicateNumber);
        }
        Set<String> fields = take == null ? Set.of() : take;
        fields.stream().filter(f -> !FIELDS.contains(f)).findFirst().ifPresent(f -> {
            throw Refused.invalid("record.merge.field");
        });
        duplicate.mergedInto(survivor);
        List<String> taken = fields.isEmpty()
                ? List.of()
                : survivor.correct(Records.keepingRestrictedTags(
                        new RecordCorrection(
                                pick(fields, "name", duplicate.getName()),
                                pick(fields, "gender", duplicate.getGender()),
                                pick(fields, "birthDate", duplicate.getBirthDate()),
                                pick(fields, "idNumber", duplicate.getIdNumber()),
                                pick(fields, "phone", duplicate.getPhone()),
                                pick(fields, "address", duplicate.getAddress()),
                                pick(fields, "keyPopulations", duplicate.getKeyPopulations()),
                                pick(fields, "lastServiceDate", duplicate.getLastServiceDate())),
                        survivor,
                        merger));
        if (taken.contains("idNumber")) {
            recordRows.indexIdNumber(survivor.getId(), survivor.getIdNumber());
        }
        int files = jdbc.update(
                "update paper_file set record_id = :survivor where record_id = :duplicate",
                new MapSqlParameterSource("survivor", survivor.getId()).addValue("duplicate", duplicate.getId()));
        auditLog.record(
                AuditAction.RECORD_MERGED,
                "RECORD",
                survivor.getRecordNumber(),
                survivor.getInstitutionId(),
                "survivor of " + duplicate.getRecordNumber()
                        + (taken.isEmpty() ? "" : "; fields: " + String.join(", ", taken)));
        auditLog.record(
                AuditAction.RECORD_MERGED,
                "RECORD",
                duplicate.getRecordNumber(),
                duplicate.getInstitutionId(),
                "merged into " + survivor.getRecordNumber());
        if (!taken.isEmpty()) {
            events.publishEvent(new RecordCorrected(survivor.getId(), List.copyOf(taken)));
        }
        events.publishEvent(new RecordsMerged(
                survivor.getId(),
                survivor.getRecordNumber(),
                survivor.getInstitutionId(),
                duplicate.getId(),
                duplicate.getRecordNumber()));
        return new Merged(survivor.getRecordNumber(), duplicate.getRecordNumber(), taken, files);
    }

    /** Open records in the user's institutions that look like the same person as this one: merge candidates. */
    @Transactional(readOnly = true)
    public List<String> candidatesFor(String recordNumber) {
        HealthRecord record = inScope(recordNumber);
        var scope = institutions.currentScope();
        return jdbc.queryForList(
                """
                select record_number from health_record
                where %s
                  and id <> :id and institution_id in (:scope) and status in ('ACTIVE', 'RETIRED_PAPER')
                union
                select record_number from health_record
                where name = :name and birth_date = :birth
                  and id <> :id and institution_id in (:scope) and status in ('ACTIVE', 'RETIRED_PAPER')
                order by record_number""".formatted(RecordRows.byIdNumber("", "idNumber")),
                new MapSqlParameterSource("id", record.getId())
                        .addValue("scope", scope.ids())
                        .addValue("idNumber", record.getIdNumber())
                        .addValue("name", record.getName())
                        .addValue("birth", record.getBirthDate() == null ? null : Date.valueOf(record.getBirthDate())),
                String.class);
    }

    private static <T> T pick(Set<String> fields, String field, T value) {
        return fields.contains(field) ? value : null;
    }

    private HealthRecord inScope(String number) {
        return records.findByRecordNumber(number == null ? "" : number.strip())
                .filter(r -> institutions.currentScope().includes(r.getInstitutionId()))
                .orElseThrow(() -> Refused.notFound("record.missing", number));
    }
}
