package org.dangan.workflow.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.dangan.workflow.registry.CustodyAgreement;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.Labelling;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.LockWaits;
import org.dangan.workflow.support.PrintedSheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The custody ledger: paper files and boxes get their entries as the registry changes, the current
 * place follows from the ledger and agrees with the registry, and an entry changed directly in the
 * database is named by the verification.
 */
@DanganTest
class CustodyLedgerTest {

    @Autowired
    RegistryAdministration registry;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Labelling labelling;

    @Autowired
    AsUser asUser;

    @Autowired
    PlatformTransactionManager transactions;

    Fixtures.County county;
    HealthRecord record;
    String file;
    Box first;
    Box second;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        record = fixtures.record(county.a(), 1);
        file = record.getRecordNumber() + "-01";
        first = fixtures.box(county.a(), 1);
        second = fixtures.box(county.a(), 2);
    }

    @Test
    void a_file_received_stored_and_moved_has_those_entries_and_is_where_the_registry_says() {
        registry.store(file, first.getBarcode());
        registry.store(file, second.getBarcode());
        registry.store(file, second.getBarcode()); // already there: no entry

        List<CustodyEntry> entries = ledger.entriesOf(CustodySubject.PAPER_FILE, file);
        assertThat(entries)
                .extracting(CustodyEntry::event)
                .containsExactly(CustodyEvent.RECEIVED, CustodyEvent.STORED, CustodyEvent.MOVED);
        assertThat(entries.get(2).from()).isEqualTo(first.getBarcode().value());
        assertThat(entries.get(2).to()).isEqualTo(second.getBarcode().value());
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, file))
                .contains(second.getBarcode().value());
        assertThat(ledger.entriesOf(CustodySubject.BOX, first.getBarcode().value()))
                .extracting(CustodyEntry::event)
                .containsExactly(CustodyEvent.RECEIVED, CustodyEvent.STORED);
        assertThat(ledger.currentPlace(CustodySubject.BOX, first.getBarcode().value()))
                .contains("甲镇卫生院 / 档案室 / 1号架");
        // each entry follows the one before it in its institution's chain
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).institutionId() == entries.get(i - 1).institutionId()) {
                assertThat(entries.get(i).sequence())
                        .isGreaterThan(entries.get(i - 1).sequence());
            }
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void an_entry_changed_in_the_database_is_named_by_the_verification() {
        registry.store(file, first.getBarcode());
        CustodyEntry stored = ledger.entriesOf(CustodySubject.PAPER_FILE, file).get(1);
        assertThat(ledger.verify().valid()).isTrue();
        boolean postgres = isPostgres();
        try {
            if (postgres) {
                // the table refuses changes; a database superuser can still switch that off
                jdbc.execute("alter table custody_entry disable trigger custody_entry_no_change");
            }
            jdbc.update("update custody_entry set to_place = ? where id = ?", "B9999999", stored.id());
            CustodyLedger.Verification broken = ledger.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenEntry().id()).isEqualTo(stored.id());
            assertThat(broken.firstBrokenEntry().reason()).contains("changed after it was written");
        } finally {
            // other tests share this database: put the row back
            jdbc.update("update custody_entry set to_place = ? where id = ?", stored.to(), stored.id());
            if (postgres) {
                jdbc.execute("alter table custody_entry enable trigger custody_entry_no_change");
            }
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void a_removed_entry_is_refused_by_postgresql_and_found_by_the_verification_elsewhere() {
        registry.store(file, first.getBarcode());
        registry.store(file, second.getBarcode());
        List<CustodyEntry> entries = ledger.entriesOf(CustodySubject.PAPER_FILE, file);
        CustodyEntry stored = entries.get(1);
        if (isPostgres()) {
            Assertions.assertThatThrownBy(() -> jdbc.update("delete from custody_entry where id = ?", stored.id()))
                    .hasMessageContaining("append-only");
            assertThat(ledger.verify().valid()).isTrue();
            return;
        }
        Map<String, Object> row = jdbc.queryForMap("select * from custody_entry where id = ?", stored.id());
        jdbc.update("delete from custody_entry where id = ?", stored.id());
        try {
            CustodyLedger.Verification broken = ledger.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenEntry().id()).isEqualTo(entries.get(2).id());
            assertThat(broken.firstBrokenEntry().reason()).contains("missing");
        } finally {
            restore(row);
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void a_first_entry_written_while_another_first_entry_is_uncommitted_waits_for_it_and_follows_it() throws Exception {
        long village = county.village().getId();
        try (LockWaits.Uncommitted first =
                LockWaits.Uncommitted.write(transactions, () -> ledger.append(village, received("FIRST")))) {
            Future<CustodyEntry> second = first.meanwhile(() -> ledger.append(village, received("SECOND")));
            LockWaits.awaitASessionWaitingForALock(jdbc);
            first.commit();
            assertThat(second.get(60, TimeUnit.SECONDS).sequence()).isEqualTo(2);
        }
        assertThat(jdbc.queryForList(
                        "select subject from custody_entry where institution_id = ? order by sequence",
                        String.class,
                        village))
                .containsExactly("FIRST", "SECOND");
        assertThat(ledger.verify().valid()).isTrue();
    }

    private static CustodyLedger.NewEntry received(String box) {
        return new CustodyLedger.NewEntry(
                CustodySubject.BOX, box, CustodyEvent.RECEIVED, null, "test", "first entries");
    }

    @Test
    void a_chain_whose_entries_were_all_removed_is_named_by_its_head() {
        long village = county.village().getId();
        ledger.append(village, received("GONE"));
        if (isPostgres()) {
            Assertions.assertThatThrownBy(
                            () -> jdbc.update("delete from custody_entry where institution_id = ?", village))
                    .hasMessageContaining("append-only");
            return;
        }
        Map<String, Object> row = jdbc.queryForMap("select * from custody_entry where institution_id = ?", village);
        jdbc.update("delete from custody_entry where institution_id = ?", village);
        try {
            CustodyLedger.Verification broken = ledger.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenEntry().institutionId()).isEqualTo(village);
            assertThat(broken.firstBrokenEntry().reason()).contains("no entries");
        } finally {
            restore(row);
        }
        assertThat(ledger.verify().valid()).isTrue();
    }

    private void restore(Map<String, Object> row) {
        jdbc.update(
                "insert into custody_entry (id, institution_id, sequence, subject_type, subject, event, actor,"
                        + " occurred_at, from_place, to_place, reason, previous_hash, entry_hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("ID"),
                row.get("INSTITUTION_ID"),
                row.get("SEQUENCE"),
                row.get("SUBJECT_TYPE"),
                row.get("SUBJECT"),
                row.get("EVENT"),
                row.get("ACTOR"),
                row.get("OCCURRED_AT"),
                row.get("FROM_PLACE"),
                row.get("TO_PLACE"),
                row.get("REASON"),
                row.get("PREVIOUS_HASH"),
                row.get("ENTRY_HASH"));
    }

    @Test
    void the_api_verifies_for_auditors_and_shows_a_files_events_in_scope_only() throws Exception {
        registry.store(file, first.getBarcode());
        mvc.perform(get("/api/custody/verify").with(httpBasic(county.user("auditor"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").isNumber());
        mvc.perform(get("/api/custody/verify").with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/paper-files/" + file + "/custody")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPlace").value(first.getBarcode().value()))
                .andExpect(jsonPath("$.events[0].event").value("RECEIVED"))
                .andExpect(jsonPath("$.events[1].event").value("STORED"))
                .andExpect(jsonPath("$.events[1].to").value(first.getBarcode().value()))
                .andExpect(jsonPath("$.events[1].actor").isString());
        mvc.perform(get("/api/paper-files/" + file + "/custody")
                        .with(httpBasic(county.user("archivist-b"), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void labels_and_the_contents_sheet_print_for_the_own_institution_with_what_they_should_say() throws Exception {
        registry.store(file, first.getBarcode());
        byte[] boxLabels = mvc.perform(get("/api/boxes/labels.pdf")
                        .param(
                                "barcode",
                                first.getBarcode().value(),
                                second.getBarcode().value())
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(boxLabels))
                .contains(first.getBarcode().value(), second.getBarcode().value(), "甲镇卫生院 / 档案室 / 1号架", "第1位", "第2位");
        asUser.login(county.user("archivist-a"));
        try {
            assertThat(text(labelling.shelfLabels(first.getLocationId())))
                    .contains(
                            "L" + first.getLocationId(),
                            first.getBarcode().value(),
                            second.getBarcode().value(),
                            "甲镇卫生院 / 档案室 / 1号架");
        } finally {
            AsUser.logout();
        }
        byte[] fileLabels = mvc.perform(get("/api/paper-files/labels.pdf")
                        .param("fileNumber", file)
                        .param("layout", "A4_14")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(fileLabels)).contains(file, record.getName(), record.getRecordNumber());
        byte[] contents = mvc.perform(get("/api/boxes/" + first.getBarcode().value() + "/contents.pdf")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(contents))
                .contains("档案盒内目录", file, record.getRecordNumber(), record.getName(), "1 份", "已入库", "1号架 · 第1位")
                // the site is named after the township: its name once, not "甲镇卫生院 · 甲镇卫生院 / ..."
                .contains(county.a().getName() + " / 档案室 / 1号架 · 第1位")
                .doesNotContain(county.a().getName() + " · " + county.a().getName());
        mvc.perform(get("/api/boxes/" + first.getBarcode().value() + "/contents.pdf")
                        .with(httpBasic(county.user("archivist-b"), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.details.key").value("labels.boxMissing"));
        // a barcode of 10,000 characters is refused naming its first 40, not echoed whole
        String huge = "A".repeat(10_000);
        mvc.perform(get("/api/boxes/" + huge + "/contents.pdf")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.details.key").value("labels.boxMissing"))
                .andExpect(jsonPath("$.message").value(containsString("A".repeat(40) + "…")))
                .andExpect(jsonPath("$.message").value(not(containsString("A".repeat(41)))));
        mvc.perform(get("/api/paper-files/labels.pdf")
                        .param("fileNumber", file)
                        .param("layout", "A5")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Autowired
    CustodyAgreement agreement;

    @Test
    void the_register_and_the_ledger_agree_on_every_file_and_a_change_behind_the_applications_back_is_named()
            throws Exception {
        registry.store(file, first.getBarcode());
        CustodyAgreement.Result agreed = agreement.check();
        assertThat(agreed.disagreements()).as(String.valueOf(agreed.first())).isZero();
        assertThat(agreed.files()).isPositive();
        Long home = jdbc.queryForObject("select box_id from paper_file where file_number = ?", Long.class, file);
        Long other = jdbc.queryForObject(
                "select id from box where barcode = ?",
                Long.class,
                second.getBarcode().value());
        jdbc.update("update paper_file set box_id = ? where file_number = ?", other, file); // carried off, unrecorded
        try {
            CustodyAgreement.Result broken = agreement.check();
            assertThat(broken.disagreements()).isOne();
            assertThat(broken.first().fileNumber()).isEqualTo(file);
            assertThat(broken.first().box()).isEqualTo(second.getBarcode().value());
            assertThat(broken.first().ledgerPlace())
                    .isEqualTo(first.getBarcode().value());
            mvc.perform(get("/api/paper-files/custody-agreement")
                            .with(httpBasic(county.user("auditor"), Fixtures.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.disagreements").value(1))
                    .andExpect(jsonPath("$.first.fileNumber").value(file));
        } finally {
            jdbc.update("update paper_file set box_id = ? where file_number = ?", home, file);
        }
        mvc.perform(get("/api/paper-files/custody-agreement")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    /** The text of a printed sheet, which must be PDF/A-2b like every sheet. */
    private static String text(byte[] pdf) throws Exception {
        return PrintedSheets.archival(pdf);
    }

    private boolean isPostgres() {
        return LockWaits.isPostgres(jdbc);
    }
}
