package org.dangan.workflow.retention;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordBatches.RetentionFacts;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.RestrictedWords;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a paper file may go. Each kind of paper in the file is kept as the {@code Retention} table
 * says, counted from the record's last service (the close of care) or, for resident health record
 * material, from the resident's death (its date of death; for a record marked DECEASED without
 * one, its last service date stands for the day); the file may go when its longest-kept
 * paper may, never while a legal hold is on it, never while the resident lives. Not read-only:
 * the engine records each evaluation of the table in its decision history.
 */
@Service
@Transactional
public class Retention {

    /** Retention is custody work: those who keep the paper read it. */
    private static final Role[] CUSTODIANS = {Role.ARCHIVIST, Role.SUPERVISOR};

    private final DecisionService decisions;
    private final NamedParameterJdbcTemplate jdbc;
    private final RecordBatches records;
    private final Institutions institutions;
    private final AuditLog auditLog;
    private final Clock clock;

    Retention(
            DecisionService decisions,
            NamedParameterJdbcTemplate jdbc,
            RecordBatches records,
            Institutions institutions,
            AuditLog auditLog,
            Clock clock) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.records = records;
        this.institutions = institutions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Rule(String documentType, int years, boolean afterDeath) {}

    public record Hold(long id, String reason, String placedBy, Instant placedAt) {}

    /** A file's retention: the rule per kind of paper in it, its disposal date (none while kept for life) and its holds. */
    public record FileRetention(
            String fileNumber,
            String state,
            List<Rule> rules,
            LocalDate disposalDate,
            List<Hold> holds,
            boolean eligible) {}

    public Rule rule(String documentType) {
        Map<String, Object> row = decisions
                .evaluateDecisionTableByKey(
                        "Retention", Variables.createVariables().putValue("documentType", documentType))
                .getSingleResult()
                .getEntryMap();
        return new Rule(documentType, ((Number) row.get("years")).intValue(), (Boolean) row.get("afterDeath"));
    }

    /** A file's retention; audited as a read of its custody, since its disposal date follows the resident's death. */
    public FileRetention of(String fileNumber) {
        RoleCheck.require(CUSTODIANS);
        FileRetention found = inScope(fileNumber);
        auditLog.record(
                AuditAction.CUSTODY_READ,
                "PAPER_FILE",
                found.fileNumber(),
                institutions.currentScope().root().getId(),
                "retention");
        return shown(found);
    }

    private FileRetention inScope(String fileNumber) {
        List<FileRetention> found = retentions(records.retentionFacts(fileNumber), institutions.currentScope());
        if (found.isEmpty()) {
            throw Refused.invalid("retention.noFile", fileNumber);
        }
        return found.get(0);
    }

    /** A file's retention as the system sees it, whoever asks (the disposal's last check runs as a job). */
    FileRetention unscoped(String fileNumber) {
        List<RetentionFacts> facts = records.retentionFacts(fileNumber);
        InstitutionScope all = new InstitutionScope(
                null, facts.stream().map(RetentionFacts::institutionId).collect(Collectors.toSet()), List.of());
        return retentions(facts, all).get(0);
    }

    /** The files of an institution's subtree that may be disposed of now, oldest disposal date first. */
    public List<FileRetention> eligible(String institutionCode) {
        RoleCheck.require(CUSTODIANS);
        InstitutionScope scope = institutions.currentScope();
        Institution at = institutions
                .byCode(institutionCode == null ? "" : institutionCode.strip())
                .filter(i -> scope.includes(i.getId()))
                .orElseThrow(() -> Refused.invalid("retention.noInstitution"));
        return retentions(kept(scope.narrowTo(at), scope), scope).stream()
                .filter(FileRetention::eligible)
                .sorted(Comparator.comparing(FileRetention::disposalDate))
                .map(Retention::shown)
                .toList();
    }

    /** Files that may be disposed of now, per institution: what the keepers' home page counts. */
    public record DueForDisposal(long institutionId, String institution, long files) {}

    /** Whether the user keeps paper, and so follows which of it is due for disposal. */
    public boolean followedBy(DanganUser user) {
        return Arrays.stream(CUSTODIANS).anyMatch(user::is);
    }

    /**
     * Per institution of the user's scope, how many of its files (stored or retired, no hold) may be
     * disposed of today; institutions with none are left out. Counts only: not audited. Changes no
     * data of ours, but not read-only: the engine records each evaluation of the retention table.
     */
    public List<DueForDisposal> dueForDisposal() {
        RoleCheck.require(CUSTODIANS);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        // the retention of a file does not name its institution: the facts it is computed from do
        List<RetentionFacts> facts = kept(scope.ids(), scope);
        Map<String, Long> keeperOf = new HashMap<>();
        facts.forEach(f -> keeperOf.put(f.fileNumber(), f.institutionId()));
        Map<Long, Long> counts = new TreeMap<>();
        retentions(facts, scope).stream()
                .filter(FileRetention::eligible)
                .forEach(f -> counts.merge(keeperOf.get(f.fileNumber()), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> new DueForDisposal(
                        e.getKey(), institutions.require(e.getKey()).getName(), e.getValue()))
                .toList();
    }

    /**
     * The rules of restricted document types would name what the reader may not see (a file's
     * severe-mental-disorder pages tell its resident's tag); they are left out for readers without
     * RESTRICTED_DOCUMENTS. The disposal date still counts them: a file must not go before its
     * longest-kept paper may, and the restricted rule (15 years after death) is the one of all
     * health record material, so the date singles out only a file holding nothing else.
     */
    private static FileRetention shown(FileRetention file) {
        if (CurrentUser.require().has(Permission.RESTRICTED_DOCUMENTS)) {
            return file;
        }
        return new FileRetention(
                file.fileNumber(),
                file.state(),
                file.rules().stream()
                        .filter(r -> DocumentType.parse(r.documentType())
                                .map(t -> !t.restricted())
                                .orElse(true))
                        .toList(),
                file.disposalDate(),
                file.holds(),
                file.eligible());
    }

    /** The kept (stored or retired) files of the institutions; none when the reader's scope is empty. */
    private List<RetentionFacts> kept(Collection<Long> institutionIds, InstitutionScope scope) {
        return scope.ids().isEmpty() ? List.of() : records.keptRetentionFacts(institutionIds);
    }

    private List<FileRetention> retentions(List<RetentionFacts> facts, InstitutionScope scope) {
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        Map<String, RetentionFacts> byFile = new LinkedHashMap<>();
        facts.stream().filter(f -> scope.includes(f.institutionId())).forEach(f -> byFile.put(f.fileNumber(), f));
        Map<String, Rule> rules = new HashMap<>();
        Map<String, List<Hold>> holds = openHolds(byFile.keySet());
        LocalDate today = LocalDate.now(clock);
        List<FileRetention> result = new ArrayList<>();
        for (Map.Entry<String, RetentionFacts> e : byFile.entrySet()) {
            RetentionFacts first = e.getValue();
            List<Rule> fileRules = first.documentTypes().stream()
                    .map(t -> rules.computeIfAbsent(t, this::rule))
                    .toList();
            if (fileRules.isEmpty()) {
                fileRules = List.of(rules.computeIfAbsent("OTHER", this::rule));
            }
            LocalDate disposal = null;
            boolean keptForLife = false;
            // a record marked deceased before dates of death were kept counts from its last service
            LocalDate death = first.deceasedOn() != null
                    ? first.deceasedOn()
                    : first.recordStatus() == RecordStatus.DECEASED ? first.lastServiceDate() : null;
            for (Rule rule : fileRules) {
                LocalDate from = rule.afterDeath() ? death : first.lastServiceDate();
                if (from == null) {
                    keptForLife = true;
                    continue;
                }
                LocalDate date = from.plusYears(rule.years());
                disposal = disposal == null || date.isAfter(disposal) ? date : disposal;
            }
            if (keptForLife) {
                disposal = null;
            }
            List<Hold> fileHolds = holds.getOrDefault(e.getKey(), List.of());
            boolean eligible = disposal != null
                    && !disposal.isAfter(today)
                    && fileHolds.isEmpty()
                    && (first.state() == PaperFileState.STORED || first.state() == PaperFileState.RETIRED_PAPER);
            result.add(new FileRetention(e.getKey(), first.state().name(), fileRules, disposal, fileHolds, eligible));
        }
        return result;
    }

    /** The open holds of the given files, in one query (there are few holds, and many files). */
    private Map<String, List<Hold>> openHolds(Set<String> fileNumbers) {
        Map<String, List<Hold>> holds = new HashMap<>();
        if (fileNumbers.isEmpty()) {
            return holds;
        }
        jdbc.query(
                "select file_number, id, reason, placed_by, placed_at from legal_hold where released_at is null"
                        + " order by id",
                new MapSqlParameterSource(),
                (ResultSet rs) -> {
                    if (fileNumbers.contains(rs.getString(1))) {
                        holds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Hold(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getTimestamp(5).toInstant()));
                    }
                });
        return holds;
    }

    /**
     * Of the given paper files of the given institutions, those under an open legal hold. A held file
     * must not change state at all, not only not go: other modules ask before they move paper (the
     * checker's sign-off holds it back from boxing). Files of other institutions are not answered.
     */
    @Transactional(readOnly = true)
    public Set<String> heldFiles(Collection<Long> institutionIds, Collection<String> fileNumbers) {
        if (institutionIds.isEmpty() || fileNumbers.isEmpty()) {
            return Set.of();
        }
        List<String> held = jdbc.queryForList("""
                select distinct file_number from legal_hold where released_at is null and file_number in (:files)""", new MapSqlParameterSource("files", fileNumbers), String.class);
        return held.isEmpty() ? Set.of() : records.paperFilesOf(institutionIds, held);
    }

    /** The legal_hold.reason column's length. */
    static final int MAX_HOLD_REASON = 500;

    /** A legal hold on a file of the supervisor's institutions, with a reason. */
    public long placeHold(String fileNumber, String reason) {
        DanganUser user = supervisor();
        inScope(fileNumber);
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_HOLD_REASON) {
            throw Refused.invalid("retention.holdReasonRequired", MAX_HOLD_REASON);
        }
        RestrictedWords.refuseNamed(reason);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                "insert into legal_hold (file_number, reason, placed_by, placed_at) values (:file, :reason, :by, :at)",
                new MapSqlParameterSource("file", fileNumber)
                        .addValue("reason", reason.strip())
                        .addValue("by", user.getUsername())
                        .addValue("at", Timestamp.from(clock.instant())),
                key,
                new String[] {"id"});
        auditLog.record(AuditAction.LEGAL_HOLD, "PAPER_FILE", fileNumber, user.institutionId(), "placed");
        return key.getKey().longValue();
    }

    public void releaseHold(String fileNumber, long holdId) {
        DanganUser user = supervisor();
        inScope(fileNumber);
        int released = jdbc.update(
                "update legal_hold set released_by = :by, released_at = :at where id = :id"
                        + " and file_number = :file and released_at is null",
                new MapSqlParameterSource("id", holdId)
                        .addValue("file", fileNumber)
                        .addValue("by", user.getUsername())
                        .addValue("at", Timestamp.from(clock.instant())));
        if (released == 0) {
            throw Refused.invalid("retention.noHold", holdId, fileNumber);
        }
        auditLog.record(AuditAction.LEGAL_HOLD, "PAPER_FILE", fileNumber, user.institutionId(), "released " + holdId);
    }

    /** Whether the current user may place and release legal holds, by the rule those steps apply. */
    public boolean mayHold() {
        return CurrentUser.require().is(HOLDS);
    }

    private static final Role HOLDS = Role.SUPERVISOR;

    private static DanganUser supervisor() {
        DanganUser user = CurrentUser.require();
        if (!user.is(HOLDS)) {
            throw Refused.forbidden("retention.holdsBySupervisors");
        }
        return user;
    }
}
