package org.dangan.workflow.support;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.verification.CampaignTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Worlds with known figures for the home pages: a campaign with counted findings and judged
 * samples, recognised pages on given days and a backlog, an overdue check-out, a file due for
 * disposal. Rows are written as the modules leave them, so the figures are known to the unit.
 */
@Component
public class Dashboards {

    private final Fixtures fixtures;
    private final SelfChecks selfChecks;
    private final RegistryAdministration registry;
    private final JdbcTemplate jdbc;
    private final CampaignTally tally;

    public Dashboards(
            Fixtures fixtures,
            SelfChecks selfChecks,
            RegistryAdministration registry,
            JdbcTemplate jdbc,
            CampaignTally tally) {
        this.tally = tally;
        this.fixtures = fixtures;
        this.selfChecks = selfChecks;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /**
     * A campaign over townships A and B, deadline in 30 days, in its institution checks: A has 3
     * fixed, 1 waived and 2 open findings and is back in its self-check (round 2) after a sample
     * of 30 with 3 failures (10%); B has 1 fixed and 4 open and passed with 1 failure in 30
     * (3.33%). Its archivists hold their self-check tasks. Answers the campaign's id.
     */
    public long campaign(Fixtures.County county) {
        HealthRecord[] a = records(county.a(), 6);
        HealthRecord[] b = records(county.b(), 5);
        String process = selfChecks.open(county, county.a(), county.b());
        long id = jdbc.queryForObject(
                "select id from verification_campaign where process_instance_id = ?", Long.class, process);
        jdbc.update("delete from finding where campaign_id = ?", id);
        findings(id, a, "FIXED", "FIXED", "FIXED", "WAIVED", "OPEN", "OPEN");
        findings(id, b, "FIXED", "OPEN", "OPEN", "OPEN", "OPEN");
        // the report reads the campaign's kept figures: they are counted again from the rows written here
        tally.recount(id);
        jdbc.update("""
                update campaign_institution set state = 'SELF_CHECK', check_round = 2, sample_size = 30, sample_failures = 3
                where campaign_id = ? and institution_id = ?""", id, county.a().getId());
        jdbc.update("""
                update campaign_institution set state = 'PASSED', sample_size = 30, sample_failures = 1
                where campaign_id = ? and institution_id = ?""", id, county.b().getId());
        return id;
    }

    private HealthRecord[] records(Institution township, int count) {
        HealthRecord[] records = new HealthRecord[count];
        for (int i = 0; i < count; i++) {
            records[i] = fixtures.record(township, 900 + i);
        }
        return records;
    }

    private void findings(long campaign, HealthRecord[] records, String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            jdbc.update("""
                    insert into finding (campaign_id, record_id, record_number, rule, severity, detail, status)
                    values (?, ?, ?, 'REQUIRED_FIELDS', 'ERROR', '缺少必填项', ?)""", campaign, records[i].getId(), records[i].getRecordNumber(), statuses[i]);
        }
    }

    /**
     * Documents of the record recognised here (they ran the digitisation process): one archived
     * per entry of {@code pagesDaysAgo}, given as {pages, days ago}; and a backlog of 2 waiting, 1
     * being recognised and 3 waiting for review.
     */
    public void scans(HealthRecord record, int[]... pagesDaysAgo) {
        for (int[] entry : pagesDaysAgo) {
            document(record, "ARCHIVED", entry[0], Instant.now().minus(entry[1], ChronoUnit.DAYS));
        }
        for (String state : new String[] {"QUEUED", "QUEUED", "OCR_RUNNING", "REVIEW", "REVIEW", "REVIEW"}) {
            document(record, state, 0, null);
        }
    }

    /** A severe-mental-disorder scan of the record waiting for its text review. */
    public void restrictedInReview(HealthRecord record) {
        document(record, "SEVERE_MENTAL_DISORDER", true, "REVIEW", 0, null);
    }

    private void document(HealthRecord record, String state, int pages, Instant archivedAt) {
        document(record, "HEALTH_EXAM", false, state, pages, archivedAt);
    }

    private void document(
            HealthRecord record, String type, boolean restricted, String state, int pages, Instant archivedAt) {
        jdbc.update(
                """
                insert into scanned_document (record_id, record_number, institution_id, document_type, restricted,
                original_name, original_sha256, original_size, state, page_count, languages, process_instance_id,
                created_by, created_at, archived_at, version)
                values (?, ?, ?, ?, ?, 'scan.pdf', ?, 1, ?, ?, 'chi_sim', 'test', 'test', ?, ?, 0)""",
                record.getId(),
                record.getRecordNumber(),
                record.getInstitutionId(),
                type,
                restricted,
                "%064x".formatted(System.nanoTime()),
                state,
                pages,
                Timestamp.from(archivedAt == null ? Instant.now() : archivedAt),
                archivedAt == null ? null : Timestamp.from(archivedAt));
    }

    /** A check-out of the record's paper file by {@code username}, out and due {@code daysOverdue} days ago. */
    public void overdueCheckout(Institution keeper, String username, HealthRecord record, int daysOverdue) {
        jdbc.update(
                """
                insert into paper_checkout (institution_id, requested_by, purpose, due_on, state, overdue,
                requested_at, version) values (?, ?, '医疗纠纷核查', ?, 'OUT', true, ?, 0)""",
                keeper.getId(),
                username,
                Date.valueOf(LocalDate.now(ChinaTime.ZONE).minusDays(daysOverdue)),
                Timestamp.from(Instant.now().minus(daysOverdue + 7L, ChronoUnit.DAYS)));
        long id = jdbc.queryForObject(
                "select max(id) from paper_checkout where institution_id = ?", Long.class, keeper.getId());
        jdbc.update(
                "insert into paper_checkout_file (checkout_id, file_number) values (?, ?)",
                id,
                record.getRecordNumber() + "-01");
    }

    /** A deceased resident's file, last served in 2000, boxed: due for disposal today. */
    public HealthRecord dueForDisposal(Institution township, int serial, int boxSerial) {
        HealthRecord record = fixtures.record(township, serial);
        jdbc.update(
                "update health_record set last_service_date = ?, status = 'DECEASED' where id = ?",
                Date.valueOf(LocalDate.of(2000, 3, 1)),
                record.getId());
        registry.store(
                record.getRecordNumber() + "-01",
                fixtures.box(township, boxSerial).getBarcode());
        return record;
    }
}
