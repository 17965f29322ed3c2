package org.dangan.workflow.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RestrictedWords;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper-electronic consistency (纸网一致性) as the self-check finds it, per paper file: the pages
 * counted in the folder, whether the signatures are there, whether the paper says what the
 * record says. A file found not to agree is not signed off until it is checked again and agrees.
 */
@Service
@Transactional
public class PaperChecks {

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordBatches batches;
    private final Institutions institutions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Campaigns campaigns;

    PaperChecks(
            NamedParameterJdbcTemplate jdbc,
            RecordBatches batches,
            Institutions institutions,
            AuditLog auditLog,
            Clock clock,
            Campaigns campaigns) {
        this.batches = batches;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record PaperCheck(int pagesFound, boolean signaturesPresent, boolean contentAgrees, String note) {

        public PaperCheck {
            if (pagesFound < 0) {
                throw Refused.invalid("paperCheck.negativePages");
            }
            if (note != null && note.length() > 200) {
                throw Refused.invalid("paperCheck.noteTooLong", 200);
            }
            RestrictedWords.refuseNamed(note);
        }
    }

    /** A paper file of the campaign's records with what the self-check found, if anything yet. */
    public record PaperFileCheck(
            String fileNumber,
            String recordNumber,
            String name,
            int registeredPages,
            Integer pagesFound,
            Boolean signaturesPresent,
            Boolean contentAgrees,
            String note) {

        public boolean checked() {
            return pagesFound != null;
        }

        public boolean agrees() {
            return checked() && pagesFound == registeredPages && signaturesPresent && contentAgrees;
        }

        /** This file as it stands once {@code check} is recorded for it. */
        public PaperFileCheck with(PaperCheck check) {
            return new PaperFileCheck(
                    fileNumber,
                    recordNumber,
                    name,
                    registeredPages,
                    check.pagesFound(),
                    check.signaturesPresent(),
                    check.contentAgrees(),
                    check.note());
        }
    }

    /** How far the paper check of one institution has come: its files, those checked, those found disagreeing. */
    public record Progress(long files, long checked, long disagreeing) {}

    /** The paper check of one institution (and its clinics) in the campaign, as far as the user's scope goes. */
    @Transactional(readOnly = true)
    public Progress progress(long campaignId, long institutionId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        Set<Long> ids = institutions.currentScope().narrowTo(institutions.require(institutionId));
        if (ids.isEmpty()) {
            return new Progress(0, 0, 0);
        }
        return jdbc.queryForObject(
                """
                select count(*), count(c.paper_file_id),
                       sum(case when c.content_agrees = false or c.signatures_present = false
                                or c.pages_found <> f.page_count then 1 else 0 end)
                from paper_file f join health_record r on r.id = f.record_id
                left join paper_consistency c on c.paper_file_id = f.id and c.campaign_id = :campaign
                where (r.institution_id + 0) in (:ids)""",
                new MapSqlParameterSource("campaign", campaignId).addValue("ids", ids),
                (rs, n) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** Records (or records again) what the self-check found for one paper file of the user's institutions. */
    public void record(long campaignId, String fileNumber, PaperCheck check) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Campaign campaign = campaigns.require(campaignId);
        InstitutionScope scope = institutions.currentScope();
        RecordBatches.PaperFileRef file = batches.paperFile(fileNumber)
                .filter(f -> scope.includes(f.institutionId()))
                .orElseThrow(() -> Refused.notFound("paperCheck.noFile", fileNumber));
        long fileId = file.id();
        campaigns.requireSelfCheck(campaign, file.institutionId());
        MapSqlParameterSource params = new MapSqlParameterSource("campaign", campaignId)
                .addValue("file", fileId)
                .addValue("pages", check.pagesFound())
                .addValue("signatures", check.signaturesPresent())
                .addValue("agrees", check.contentAgrees())
                .addValue("note", check.note())
                .addValue("by", CurrentUser.require().getUsername())
                .addValue("at", Timestamp.from(clock.instant()));
        int updated = jdbc.update("""
                update paper_consistency set pages_found = :pages, signatures_present = :signatures,
                content_agrees = :agrees, note = :note, recorded_by = :by, recorded_at = :at
                where campaign_id = :campaign and paper_file_id = :file""", params);
        if (updated == 0) {
            jdbc.update("""
                    insert into paper_consistency (campaign_id, paper_file_id, pages_found, signatures_present,
                    content_agrees, note, recorded_by, recorded_at)
                    values (:campaign, :file, :pages, :signatures, :agrees, :note, :by, :at)""", params);
        }
        auditLog.record(AuditAction.PAPER_CHECKED, "PAPER_FILE", fileNumber, file.institutionId(), null);
    }

    /** The paper files of one institution (and its clinics) in the user's scope, by file number, a page at a time. */
    @Transactional
    public List<PaperFileCheck> of(long campaignId, long institutionId, int offset, int limit) {
        return files(campaignId, institutionId, null, offset, limit);
    }

    /**
     * The paper files kept in one box (scanned by its barcode) of the institution in the user's
     * scope: the self-check checks a box at a time, recording the exceptions and then the rest.
     */
    @Transactional
    public List<PaperFileCheck> ofBox(long campaignId, long institutionId, String barcode) {
        return files(campaignId, institutionId, barcode == null ? "" : barcode.strip(), 0, 500);
    }

    /**
     * Records the files named that have no result yet as agreeing (pages as registered, signed,
     * content as the record): the rest of a box once its exceptions are recorded. Answers how many.
     */
    public int recordAgreeing(long campaignId, long institutionId, String barcode) {
        List<PaperFileCheck> rest = ofBox(campaignId, institutionId, barcode).stream()
                .filter(f -> !f.checked())
                .toList();
        rest.forEach(f -> record(campaignId, f.fileNumber(), new PaperCheck(f.registeredPages(), true, true, null)));
        return rest.size();
    }

    private List<PaperFileCheck> files(long campaignId, long institutionId, String barcode, int offset, int limit) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        campaigns.require(campaignId);
        InstitutionScope scope = institutions.currentScope();
        if (!scope.includes(institutionId)) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("campaign", campaignId)
                .addValue("ids", scope.narrowTo(institutions.require(institutionId)))
                .addValue("limit", Math.min(Math.max(limit, 1), 500))
                .addValue("offset", Math.max(offset, 0))
                .addValue("barcode", barcode);
        List<PaperFileCheck> found = jdbc.query(
                """
                select f.file_number, r.record_number, r.name, f.page_count, c.pages_found, c.signatures_present,
                       c.content_agrees, c.note
                from paper_file f join health_record r on r.id = f.record_id
                left join paper_consistency c on c.paper_file_id = f.id and c.campaign_id = :campaign
                where (r.institution_id + 0) in (:ids)%s
                order by f.file_number limit :limit offset :offset""".formatted(
                        barcode == null ? "" : " and f.box_id in (select b.id from box b where b.barcode = :barcode)"),
                params,
                (rs, n) -> new PaperFileCheck(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        (Integer) rs.getObject(5, Integer.class),
                        (Boolean) rs.getObject(6, Boolean.class),
                        (Boolean) rs.getObject(7, Boolean.class),
                        rs.getString(8)));
        // the list names residents: each page read is audited like a page of the record list
        auditLog.record(
                AuditAction.RECORD_LIST,
                "CAMPAIGN",
                Long.toString(campaignId),
                institutionId,
                "paper files" + (barcode == null ? "" : " box " + barcode) + " offset=" + Math.max(offset, 0) + " rows="
                        + found.size());
        return found;
    }
}
