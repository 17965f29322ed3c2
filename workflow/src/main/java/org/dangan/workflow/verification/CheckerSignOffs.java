package org.dangan.workflow.verification;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditHash;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.PaperRetirement;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.StoredPaperFile;
import org.dangan.workflow.registry.StoredRecord;
import org.dangan.workflow.retention.Retention;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checker's sign-off (核对人员签字): each verified paper file of the campaign gets the checker's
 * electronic signature (user, time, keyed fingerprint of the record's verified content) and is retired
 * into a box; a sign-off sheet per box is printed for the signatures on paper, for the checkers only.
 * <p>
 * A file is verified when its record has no open finding that blocks the sign-off (the
 * {@code RuleSeverity} table says which) and the self-check did not find its paper disagreeing.
 * A file under a legal hold (retention's) is held back too: it must not change state.
 * The others stay as they are and are counted in the report.
 */
@Service
@Transactional
public class CheckerSignOffs {

    private final CampaignRepository campaigns;
    private final Campaigns visibleCampaigns;
    private final RecordBatches batches;
    private final PaperRetirement retirement;
    private final Institutions institutions;
    private final RuleSettings settings;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final AuditHash auditHash;
    private final Clock clock;
    private final PdfFont font;
    private final Retention retention;
    private final UserAccounts users;

    CheckerSignOffs(
            CampaignRepository campaigns,
            Campaigns visibleCampaigns,
            RecordBatches batches,
            PaperRetirement retirement,
            Institutions institutions,
            RuleSettings settings,
            NamedParameterJdbcTemplate jdbc,
            AuditLog auditLog,
            AuditHash auditHash,
            Clock clock,
            PdfFont font,
            Retention retention,
            UserAccounts users) {
        this.users = users;
        this.retention = retention;
        this.campaigns = campaigns;
        this.visibleCampaigns = visibleCampaigns;
        this.auditHash = auditHash;
        this.batches = batches;
        this.retirement = retirement;
        this.institutions = institutions;
        this.settings = settings;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.font = font;
    }

    public record BoxSheet(long boxId, String barcode, long files, long pages) {}

    /** Signs the next batch of paper files off; answers how many it looked at, 0 once all are done. */
    public int signNextBatch(long campaignId, int batchSize) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        Set<Long> scope = RuleChecks.scopeOf(campaign, institutions);
        List<StoredPaperFile> files = batches.paperFilesAfter(scope, campaign.getSignedOffUpTo(), batchSize);
        if (files.isEmpty()) {
            return 0;
        }
        Map<Long, StoredRecord> records =
                batches.byIds(files.stream().map(StoredPaperFile::recordId).toList());
        Set<Long> blocked = blockedRecords(campaignId, records.keySet());
        Set<Long> disagreeing = disagreeingFiles(campaignId, files);
        Set<String> held = retention.heldFiles(
                scope, files.stream().map(StoredPaperFile::fileNumber).toList());
        List<SqlParameterSource> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (StoredPaperFile f : files) {
            if (heldBack(f, blocked, disagreeing, held) != null) {
                continue;
            }
            long box = retirement.retire(f.id());
            rows.add(new MapSqlParameterSource("campaign", campaignId)
                    .addValue("file", f.id())
                    .addValue("record", f.recordId())
                    .addValue("box", box)
                    .addValue("by", campaign.getSignedOffBy())
                    .addValue("at", now)
                    .addValue("hash", contentHash(records.get(f.recordId()), f)));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into checker_sign_off (campaign_id, paper_file_id, record_id, box_id, signed_by, signed_at,
                    content_sha256) values (:campaign, :file, :record, :box, :by, :at, :hash)""", rows.toArray(SqlParameterSource[]::new));
        }
        campaign.signedOffUpTo(files.get(files.size() - 1).id());
        return files.size();
    }

    /** Why a paper file is not retired at the sign-off; {@code null} when it is. */
    public enum HoldBack {
        /** Its self-check found the paper disagreeing (pages, signatures or content). */
        PAPER_DISAGREES,
        /** Its record has an open finding that blocks the sign-off. */
        OPEN_FINDINGS,
        /** Out on a check-out: it is retired when it is back, by a later campaign. */
        CHECKED_OUT,
        /** Already retired into a box. */
        ALREADY_RETIRED,
        /** Transferred or disposed of: no longer in custody here. */
        NOT_IN_CUSTODY,
        /** Under a legal hold: a held file must not change state until the hold is released. */
        LEGAL_HOLD
    }

    /**
     * What the sign-off will do, before it is done: files retired and files held back, by reason;
     * and how many of the retired ones nobody compared with their record in this campaign's
     * self-check (no paper check is no reason to hold a file back, but the checker signs for them).
     */
    public record Preview(long retired, Map<HoldBack, Long> heldBack, long retiredWithoutPaperCheck) {
        public long heldBackTotal() {
            return heldBack.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The one rule of what is retired, shared by the preview and the sign-off so they cannot disagree. */
    private static HoldBack heldBack(StoredPaperFile f, Set<Long> blocked, Set<Long> disagreeing, Set<String> held) {
        switch (f.state()) {
            case CHECKED_OUT -> {
                return HoldBack.CHECKED_OUT;
            }
            case RETIRED_PAPER -> {
                return HoldBack.ALREADY_RETIRED;
            }
            case TRANSFERRED, DISPOSED -> {
                return HoldBack.NOT_IN_CUSTODY;
            }
            default -> {
                // RECEIVED, STORED, RETURNED: in custody here
            }
        }
        if (held.contains(f.fileNumber())) {
            return HoldBack.LEGAL_HOLD;
        }
        if (disagreeing.contains(f.id())) {
            return HoldBack.PAPER_DISAGREES;
        }
        return blocked.contains(f.recordId()) ? HoldBack.OPEN_FINDINGS : null;
    }

    /**
     * What the checker's sign-off of the campaign will do if signed now: how many paper files are
     * retired and how many are held back, and why (the checker reads it before signing).
     */
    // not read-only: the severity table is a DMN decision, and its evaluation writes history
    @Transactional
    public Preview preview(long campaignId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Campaign campaign = visibleCampaigns.require(campaignId);
        Set<Long> scope = RuleChecks.scopeOf(campaign, institutions);
        Map<HoldBack, Long> held = new EnumMap<>(HoldBack.class);
        long retired = 0;
        long unchecked = 0;
        long after = campaign.getSignedOffUpTo();
        for (List<StoredPaperFile> files = batches.paperFilesAfter(scope, after, 1000);
                !files.isEmpty();
                files = batches.paperFilesAfter(scope, after, 1000)) {
            Set<Long> blocked = blockedRecords(
                    campaignId, files.stream().map(StoredPaperFile::recordId).collect(Collectors.toSet()));
            Set<Long> disagreeing = disagreeingFiles(campaignId, files);
            Set<String> legallyHeld = retention.heldFiles(
                    scope, files.stream().map(StoredPaperFile::fileNumber).toList());
            Set<Long> paperChecked = paperCheckedFiles(campaignId, files);
            for (StoredPaperFile f : files) {
                HoldBack why = heldBack(f, blocked, disagreeing, legallyHeld);
                if (why == null) {
                    retired++;
                    if (!paperChecked.contains(f.id())) {
                        unchecked++;
                    }
                } else {
                    held.merge(why, 1L, Long::sum);
                }
            }
            after = files.get(files.size() - 1).id();
        }
        return new Preview(retired, held, unchecked);
    }

    /**
     * The fingerprint of the verified content, one "field=value" line each in a fixed order: an
     * HMAC under the audit's key, so the node can tell whether the record or the file changed since,
     * while a reader of the printed sheet, who knows most fields from the record page, cannot try
     * the ID numbers of a birth date and the hidden tag against it.
     */
    public String contentHash(StoredRecord r, StoredPaperFile f) {
        return auditHash.fingerprint(String.join(
                "\n",
                "record_number=" + r.recordNumber(),
                "name=" + r.name(),
                "gender=" + r.gender(),
                "birth_date=" + r.birthDate(),
                "id_number=" + r.idNumber(),
                "key_populations=" + KeyPopulation.toColumn(r.keyPopulations()),
                "status=" + r.status(),
                "last_service_date=" + r.lastServiceDate(),
                "file_number=" + f.fileNumber(),
                "page_count=" + f.pageCount(),
                "contents=" + f.contents()));
    }

    private Set<Long> blockedRecords(long campaignId, Set<Long> recordIds) {
        List<String> blocking = Arrays.stream(Rule.values())
                .filter(settings::blocksSignOff)
                .map(Enum::name)
                .toList();
        if (blocking.isEmpty() || recordIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                """
                select distinct record_id from finding where campaign_id = :campaign and status = 'OPEN'
                and rule in (:rules) and record_id in (:records)""",
                new MapSqlParameterSource("campaign", campaignId)
                        .addValue("rules", blocking)
                        .addValue("records", recordIds),
                Long.class));
    }

    /** The files of the batch whose paper the self-check found not to agree with their record. */
    private Set<Long> disagreeingFiles(long campaignId, List<StoredPaperFile> files) {
        Map<Long, Integer> registered =
                files.stream().collect(Collectors.toMap(StoredPaperFile::id, StoredPaperFile::pageCount));
        Set<Long> disagreeing = new HashSet<>();
        jdbc.query(
                """
                select paper_file_id, content_agrees, signatures_present, pages_found from paper_consistency
                where campaign_id = :campaign and paper_file_id in (:files)""",
                new MapSqlParameterSource("campaign", campaignId).addValue("files", registered.keySet()),
                (ResultSet rs) -> {
                    Integer found = (Integer) rs.getObject(4, Integer.class);
                    if (Boolean.FALSE.equals(rs.getObject(2, Boolean.class))
                            || Boolean.FALSE.equals(rs.getObject(3, Boolean.class))
                            || found != null && !found.equals(registered.get(rs.getLong(1)))) {
                        disagreeing.add(rs.getLong(1));
                    }
                });
        return disagreeing;
    }

    /** The files of the batch that this campaign's self-check compared with their record, agreeing or not. */
    private Set<Long> paperCheckedFiles(long campaignId, List<StoredPaperFile> files) {
        return new HashSet<>(jdbc.queryForList(
                """
                select paper_file_id from paper_consistency where campaign_id = :campaign
                and paper_file_id in (:files)""",
                new MapSqlParameterSource("campaign", campaignId)
                        .addValue(
                                "files", files.stream().map(StoredPaperFile::id).toList()),
                Long.class));
    }

    /** The boxes holding the campaign's signed-off files that the current user may see. */
    @Transactional(readOnly = true)
    public List<BoxSheet> boxes(long campaignId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        visibleCampaigns.require(campaignId);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                select b.id, b.barcode, count(*), sum(f.page_count)
                from checker_sign_off s join box b on b.id = s.box_id join paper_file f on f.id = s.paper_file_id
                join health_record r on r.id = s.record_id
                where s.campaign_id = :campaign and r.institution_id in (:ids)
                group by b.id, b.barcode order by b.barcode""",
                new MapSqlParameterSource("campaign", campaignId).addValue("ids", scope.ids()),
                (rs, n) -> new BoxSheet(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /** How many paper files of the campaign are signed off. */
    @Transactional(readOnly = true)
    public long signedOff(long campaignId) {
        Long n = jdbc.queryForObject(
                "select count(*) from checker_sign_off where campaign_id = :campaign",
                new MapSqlParameterSource("campaign", campaignId),
                Long.class);
        return n == null ? 0 : n;
    }

    /** Paper files signed off in the campaign whose records belong to {@code institutionIds}. */
    public long signedOff(long campaignId, Set<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return 0;
        }
        Long n = jdbc.queryForObject(
                """
                select count(*) from checker_sign_off s join health_record r on r.id = s.record_id
                where s.campaign_id = :campaign and r.institution_id in (:ids)""", new MapSqlParameterSource("campaign", campaignId).addValue("ids", institutionIds), Long.class);
        return n == null ? 0 : n;
    }

    /** The printable sign-off sheet (核查签字表) of one box; it names residents, so reading it is audited. */
    @Transactional
    public byte[] sheet(long campaignId, long boxId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        visibleCampaigns.require(campaignId);
        InstitutionScope scope = institutions.currentScope();
        List<List<String>> rows = new ArrayList<>();
        String[] boxBarcode = new String[1];
        Set<Long> owners = new TreeSet<>();
        String[] signer = new String[2];
        long[] pages = new long[1];
        jdbc.query(
                """
                select r.record_number, r.name, f.file_number, f.page_count, s.signed_by, s.signed_at, b.barcode,
                       r.institution_id, s.content_sha256
                from checker_sign_off s join paper_file f on f.id = s.paper_file_id
                join health_record r on r.id = s.record_id join box b on b.id = s.box_id
                where s.campaign_id = :campaign and s.box_id = :box and r.institution_id in (:ids)
                order by r.record_number""",
                new MapSqlParameterSource("campaign", campaignId)
                        .addValue("box", boxId)
                        .addValue("ids", scope.ids().isEmpty() ? Set.of(-1L) : scope.ids()),
                (ResultSet rs) -> {
                    rows.add(List.of(
                            Integer.toString(rows.size() + 1),
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Integer.toString(rs.getInt(4)),
                            rs.getString(9).substring(0, 16)));
                    pages[0] += rs.getInt(4);
                    signer[0] = rs.getString(5);
                    signer[1] = ChinaTime.day(rs.getTimestamp(6).toInstant());
                    owners.add(rs.getLong(8));
                    boxBarcode[0] = rs.getString(7);
                });
        if (rows.isEmpty()) {
            throw Refused.notFound("signOff.noBox", Long.toString(boxId), Long.toString(campaignId));
        }
        auditLog.record(
                AuditAction.SIGN_OFF_SHEET_READ,
                "BOX",
                boxBarcode[0],
                owners.iterator().next(),
                "campaign " + campaignId + ", " + rows.size() + " files");
        try (PrintedSheet sheet = font.sheet()) {
            return sheet.title("核查签字表 Verification sign-off sheet")
                    .line("核查活动 Campaign: " + campaignId + "    档案盒 Box: " + boxBarcode[0])
                    .line("核对人员 Checker: "
                            + users.displayNames(List.of(signer[0])).get(signer[0])
                            + "    签字日期 Signed: " + signer[1]
                            + "    打印 Printed: " + ChinaTime.today(clock))
                    .line("档案袋 " + rows.size() + " 份, 共 " + pages[0] + " 页  Files: " + rows.size() + ", pages: "
                            + pages[0])
                    .gap()
                    .table(
                            List.of("序号 No.", "档案编号 Record", "姓名 Name", "纸质档案号 File", "页数 Pages", "指纹 Fingerprint"),
                            new float[] {0.6f, 2.2f, 1.2f, 2.2f, 0.8f, 2.2f},
                            rows)
                    .signatureLines(List.of("核对人员 Checker", "机构负责人 Head of institution"))
                    .toBytes();
        }
    }
}
