package org.dangan.workflow.verification;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.registry.ResidentId;
import org.dangan.workflow.registry.StoredRecord;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of a campaign as the people working them see them: only findings on records of
 * their own institutions, and waivers that always carry a reason from the list and a name; a
 * waiver's note only for its writer and readers with the restricted-documents permission.
 */
@Service
@Transactional
public class Findings {

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final RecordBatches batches;

    private final RuleSettings settings;
    private final Campaigns campaigns;
    private final Records records;
    private final CampaignTally tally;

    @PersistenceContext
    private EntityManager entityManager;

    Findings(
            NamedParameterJdbcTemplate jdbc,
            Institutions institutions,
            AuditLog auditLog,
            Clock clock,
            RecordBatches batches,
            RuleSettings settings,
            Campaigns campaigns,
            Records records,
            CampaignTally tally) {
        this.records = records;
        this.tally = tally;
        this.campaigns = campaigns;
        this.settings = settings;
        this.batches = batches;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record FindingView(
            long id,
            String recordNumber,
            Rule rule,
            Severity severity,
            String detail,
            FindingStatus status,
            WaiverReason waiverCode,
            String waiverReason,
            boolean waiverReasonWithheld,
            String name) {}

    public record Counts(long flaggedRecords, long open, long fixed, long waived) {}

    /** Findings of the campaign on records the current user may see, optionally of one status; audited (it names residents). */
    @Transactional
    public List<FindingView> of(long campaignId, FindingStatus status, int offset, int limit) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("campaign", campaignId)
                .addValue("ids", scope.ids())
                .addValue("limit", Math.min(Math.max(limit, 1), 500))
                .addValue("offset", Math.max(offset, 0));
        String statusFilter = "";
        if (status != null) {
            statusFilter = " and f.status = :status";
            params.addValue("status", status.name());
        }
        DanganUser reader = CurrentUser.require();
        boolean restrictedShown = reader.has(Permission.RESTRICTED_DOCUMENTS);
        UnaryOperator<String> told = restrictedShown ? text -> text : KeyPopulation::withoutRestrictedNames;
        List<FindingView> found = jdbc.query(
                """
                select f.id, f.record_number, f.rule, f.severity, f.detail, f.status, f.waiver_code,
                    f.waiver_reason, f.resolved_by, r.name
                from finding f join health_record r on r.id = f.record_id
                where f.campaign_id = :campaign and r.institution_id in (:ids)%s
                order by f.record_number, f.rule limit :limit offset :offset""".formatted(statusFilter),
                params,
                (rs, n) -> new FindingView(
                        rs.getLong(1),
                        rs.getString(2),
                        Rule.valueOf(rs.getString(3)),
                        Severity.valueOf(rs.getString(4)),
                        told.apply(rs.getString(5)),
                        FindingStatus.valueOf(rs.getString(6)),
                        WaiverReason.ofCode(rs.getString(7)).orElse(null),
                        noteFor(reader, restrictedShown, rs.getString(8), rs.getString(9)),
                        withheld(reader, restrictedShown, rs.getString(8), rs.getString(9)),
                        rs.getString(10)));
        auditLog.record(
                AuditAction.RECORD_LIST,
                "CAMPAIGN",
                Long.toString(campaignId),
                scope.root().getId(),
                "findings offset=" + Math.max(offset, 0) + " rows=" + found.size());
        return found;
    }

    /**
     * No word list keeps a diagnosis out of free text (issue 21's attacks got one through every
     * round), so a note is not masked but withheld: its writer knows it already, and readers with
     * the permission may read what it could name.
     */
    private static boolean withheld(DanganUser reader, boolean restrictedShown, String note, String writer) {
        return note != null && !restrictedShown && !reader.getUsername().equals(writer);
    }

    private static String noteFor(DanganUser reader, boolean restrictedShown, String note, String writer) {
        return withheld(reader, restrictedShown, note, writer) ? null : note;
    }

    /** A finding as the resident's page lists it: which campaign found what, and where it stands. */
    public record RecordFinding(long campaignId, Rule rule, Severity severity, FindingStatus status) {}

    /**
     * The findings of every campaign on one record, newest campaign first; none when the record is
     * not of the current user's institutions (the scope is in the query). No detail text: it can
     * name what a reader without RESTRICTED_DOCUMENTS may not see, and the page links to the work.
     */
    @Transactional(readOnly = true)
    public List<RecordFinding> ofRecord(String recordNumber) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty() || recordNumber == null) {
            return List.of();
        }
        return batches.byNumber(recordNumber.strip())
                .filter(r -> scope.includes(r.institutionId()))
                .map(r -> jdbc.query(
                        """
                        select campaign_id, rule, severity, status from finding where record_id = :record
                        order by campaign_id desc, rule""",
                        new MapSqlParameterSource("record", r.id()),
                        (rs, n) -> new RecordFinding(
                                rs.getLong(1),
                                Rule.valueOf(rs.getString(2)),
                                Severity.valueOf(rs.getString(3)),
                                FindingStatus.valueOf(rs.getString(4)))))
                .orElse(List.of());
    }

    /** Accepts a finding as it is, for a listed reason; only an open finding can be waived. */
    public void waive(long findingId, Waiver waiver) {
        if (waiver == null) {
            throw Refused.invalid("findings.waiverReasonMissing");
        }
        InstitutionScope scope = institutions.currentScope();
        List<long[]> open = jdbc.query(
                "select record_id, campaign_id from finding where id = :id and status = 'OPEN'",
                new MapSqlParameterSource("id", findingId),
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        StoredRecord record =
                open.isEmpty() ? null : batches.byIds(List.of(open.get(0)[0])).get(open.get(0)[0]);
        if (record == null || !scope.includes(record.institutionId())) {
            throw Refused.of("findings.notOpen", Long.toString(findingId));
        }
        long institution = record.institutionId();
        campaigns.requireSelfCheck(campaigns.load(open.get(0)[1]), institution);
        int waived = jdbc.update(
                """
                update finding set status = 'WAIVED', waiver_code = :code, waiver_reason = :note,
                    resolved_by = :by, resolved_at = :at
                where id = :id and status = 'OPEN'""",
                new MapSqlParameterSource("id", findingId)
                        .addValue("code", waiver.reason().name())
                        .addValue("note", waiver.note())
                        .addValue("by", CurrentUser.require().getUsername())
                        .addValue("at", Timestamp.from(clock.instant())));
        if (waived == 0) {
            // another user waived or fixed it since it was read: theirs stands, and this call says so
            throw Refused.of("findings.notOpen", Long.toString(findingId));
        }
        counted(open.get(0)[1], record.id(), CampaignTally.WAIVED, waived);
        auditLog.record(AuditAction.FINDING_WAIVED, "FINDING", Long.toString(findingId), institution, null);
    }

    /** What one reason can cover: a screen's selection, not a whole campaign at once. */
    static final int MAX_WAIVED_AT_ONCE = 1000;

    /** Waives several findings of one campaign for one reason: all of them, or (on any refusal) none. */
    public void waiveAll(long campaignId, Collection<Long> findingIds, Waiver waiver) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        if (findingIds == null || findingIds.isEmpty()) {
            throw Refused.invalid("findings.none");
        }
        // a finding chosen twice is waived once, not refused the second time as no longer open
        Set<Long> ids = new LinkedHashSet<>(findingIds);
        if (ids.size() > MAX_WAIVED_AT_ONCE) {
            throw Refused.tooLarge("findings.tooMany", MAX_WAIVED_AT_ONCE);
        }
        Integer inCampaign = jdbc.queryForObject(
                "select count(*) from finding where campaign_id = :campaign and id in (:ids)",
                new MapSqlParameterSource("campaign", campaignId).addValue("ids", ids),
                Integer.class);
        if (inCampaign == null || inCampaign != ids.size()) {
            throw Refused.invalid("findings.notOfCampaign", campaignId);
        }
        ids.forEach(id -> waive(id, waiver));
    }

    /**
     * The self-check's correction of a record, then its re-check; answers how many findings it fixed.
     * A correction that puts the ID number and the birth date at odds is refused, naming both dates:
     * the re-check only closes findings, so a contradiction the correction makes would go unseen.
     */
    public int correct(long campaignId, String recordNumber, RecordCorrection correction) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        StoredRecord r = batches.byNumber(recordNumber)
                .filter(found -> institutions.currentScope().includes(found.institutionId()))
                .orElseThrow(() -> Refused.notFound("findings.noRecord", recordNumber));
        // a new number that is invalid is refused here with its own reason (length, digit, date, check
        // character); a stored one that is invalid is a finding of its own and says nothing of the date
        LocalDate idSays = correction.idNumber() != null
                ? ResidentId.of(correction.idNumber()).birthDate()
                : correction.birthDate() != null ? birthInId(r.idNumber()) : null;
        LocalDate born = correction.birthDate() != null ? correction.birthDate() : r.birthDate();
        if (idSays != null && born != null && !idSays.equals(born)) {
            throw Refused.invalid("findings.idBirthContradicts", idSays.toString(), born.toString());
        }
        records.correct(recordNumber, correction);
        // the re-check reads the record by JDBC: the correction must be in the database first
        entityManager.flush();
        return recheck(campaignId, recordNumber);
    }

    private static LocalDate birthInId(String idNumber) {
        try {
            return idNumber == null || idNumber.isBlank()
                    ? null
                    : ResidentId.of(idNumber).birthDate();
        } catch (Refused invalid) {
            return null;
        }
    }

    /** Checks one record again after a correction, with the rule book of its institution's type. */
    public int recheck(long campaignId, String recordNumber) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        String type = batches.byNumber(recordNumber)
                .map(r -> institutions.require(r.institutionId()).getType().name())
                .orElse("TOWNSHIP_CENTRE");
        return recheck(campaignId, recordNumber, settings.ruleBook(type));
    }

    /**
     * Checks one record again after a correction: its open findings that no longer hold become
     * FIXED. Duplicate findings stay open: they are settled by merging, not by editing one record.
     * Answers how many findings were fixed.
     */
    /** Whether another open record still looks like the same person (a merged duplicate no longer does). */
    private boolean stillDuplicated(StoredRecord r) {
        if (r.status() == RecordStatus.DUPLICATE) {
            return false;
        }
        return batches.hasOpenLookalike(r);
    }

    public int recheck(long campaignId, String recordNumber, RuleBook rules) {
        StoredRecord r = batches.byNumber(recordNumber)
                .filter(found -> institutions.currentScope().includes(found.institutionId()))
                .orElseThrow(() -> Refused.notFound("findings.noRecord", recordNumber));
        campaigns.requireSelfCheck(campaigns.load(campaignId), r.institutionId());
        Set<String> stillBroken = rules.check(RecordFacts.of(r), LocalDate.now(clock)).stream()
                .map(f -> f.rule().name())
                .collect(Collectors.toCollection(HashSet::new));
        // the duplicate rules compare records with each other: they hold until the records are merged
        if (stillDuplicated(r)) {
            stillBroken.add(Rule.DUPLICATE_ID_NUMBER.name());
            stillBroken.add(Rule.DUPLICATE_NAME_BIRTH_VILLAGE.name());
        }
        int fixed = jdbc.update(
                "update finding set status = 'FIXED', resolved_by = :by, resolved_at = :at"
                        + " where campaign_id = :campaign and record_id = :record and status = 'OPEN'"
                        // PostgreSQL refuses an empty IN list: a record that breaks no rule fixes them all
                        + (stillBroken.isEmpty() ? "" : " and rule not in (:broken)"),
                new MapSqlParameterSource("campaign", campaignId)
                        .addValue("record", r.id())
                        .addValue("broken", stillBroken)
                        .addValue("by", CurrentUser.require().getUsername())
                        .addValue("at", Timestamp.from(clock.instant())));
        counted(campaignId, r.id(), CampaignTally.FIXED, fixed);
        return fixed;
    }

    /**
     * Counts resolved findings where their record is managed. Read after the findings were
     * updated (and so held): a transfer of the record that committed first is seen here, and one
     * still under way waits for this transaction and then takes the resolved findings along.
     */
    private void counted(long campaignId, long recordId, int status, int count) {
        if (count > 0 && tally.kept(campaignId)) {
            tally.resolved(
                    campaignId, batches.byIds(List.of(recordId)).get(recordId).institutionId(), status, count);
        }
    }

    /**
     * The open findings of one institution (and its clinics) in the campaign, counted by rule, most
     * first: what the head signs for when signing the self-check off. Empty outside the user's scope.
     */
    @Transactional(readOnly = true)
    public Map<Rule, Long> openByRule(long campaignId, long institutionId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        Set<Long> ids = institutions.currentScope().narrowTo(institutions.require(institutionId));
        Map<Rule, Long> open = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return open;
        }
        jdbc.query("""
                select f.rule, count(*) from finding f join health_record r on r.id = f.record_id
                where f.campaign_id = :campaign and f.status = 'OPEN' and r.institution_id in (:ids)
                group by f.rule order by count(*) desc, f.rule""", new MapSqlParameterSource("campaign", campaignId).addValue("ids", ids), (ResultSet rs) -> {
            open.put(Rule.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return open;
    }

    /** Counts over the whole campaign, for the campaign report. */
    @Transactional(readOnly = true)
    public Counts counts(long campaignId) {
        MapSqlParameterSource params = new MapSqlParameterSource("campaign", campaignId);
        return jdbc.queryForObject(
                """
                select count(distinct record_id),
                       sum(case when status = 'OPEN' then 1 else 0 end),
                       sum(case when status = 'FIXED' then 1 else 0 end),
                       sum(case when status = 'WAIVED' then 1 else 0 end)
                from finding where campaign_id = :campaign""", params, (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
