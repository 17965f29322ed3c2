package org.dangan.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.registry.ResidentId;
import org.dangan.workflow.resident.ResidentCodes;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.search.SearchResult;
import org.dangan.workflow.security.AccountRefused;
import org.dangan.workflow.security.PasswordPolicy;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;

/** The demo as `src/dev/run.sh` starts it: its records, their custody entries, and archived documents searchable as the README says. */
@SpringBootTest
@ActiveProfiles("demo")
@Tag("slow") // a Spring context of its own (demo profile) that loads the whole demo county
class DemoDataTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    Search search;

    @Autowired
    Documents documents;

    @Autowired
    AsUser asUser;

    @Autowired
    CustodyLedger ledger;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void the_demo_has_its_records_and_archived_reports_that_searchers_find_in_their_township_only() {
        assertThat(jdbc.queryForObject("""
                select count(*) from health_record r join institution i on i.id = r.institution_id
                where i.code like '130123%'""", Long.class)).isEqualTo(DemoData.RECORDS_A + DemoData.RECORDS_B);
        assertThat(jdbc.queryForObject("select count(*) from scanned_document where created_by = 'demo'", Long.class))
                .isEqualTo(24);
        // the document screens show these names as the files': Chinese, no enum names
        assertThat(jdbc.queryForList(
                        "select original_name from scanned_document where created_by = 'demo'", String.class))
                .hasSize(24)
                .allMatch(name -> name.matches("\\p{IsHan}+-130123\\d+\\.pdf"), "a document type in Chinese, a number");
        // the demo's paper files and boxes start with their RECEIVED and STORED entries, in chains that hold
        assertThat(jdbc.queryForObject(
                        "select count(*) from custody_entry e join institution i on i.id = e.institution_id"
                                + " where i.code like '130123%' and e.subject_type = 'PAPER_FILE' and e.event = 'RECEIVED'",
                        Long.class))
                .isEqualTo(DemoData.RECORDS_A + DemoData.RECORDS_B);
        long boxed = jdbc.queryForObject(
                "select count(*) from paper_file f join health_record r on r.id = f.record_id"
                        + " join institution i on i.id = r.institution_id where i.code like '130123%' and f.box_id is not null",
                Long.class);
        assertThat(boxed).isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from custody_entry e join institution i on i.id = e.institution_id"
                                + " where i.code like '130123%' and e.subject_type = 'PAPER_FILE' and e.event = 'STORED'",
                        Long.class))
                .isEqualTo(boxed);
        assertThat(ledger.verify().valid()).isTrue();
        index.drain();

        asUser.login("searcher-a");
        SearchResult reports = search.search(new Search.Query("报告日期", null, null, null, null, null, null, 0, 50));
        assertThat(reports.total()).isEqualTo(12);
        assertThat(reports.hits()).allSatisfy(h -> assertThat(h.institution()).startsWith("130123101"));
        assertThat(search.search(new Search.Query("精神分裂症 OR 双相情感障碍", null, null, null, null, null, null, 0, 50))
                        .total())
                .isZero();

        asUser.login("archivist-a");
        SearchResult all = search.search(new Search.Query("", null, null, null, null, null, null, 0, 50));
        assertThat(all.total()).isEqualTo(14);
        SearchResult.Hit hit = reports.hits().get(0);
        assertThat(documents.pageImage(hit.documentId(), 1, 50, null)).isNotEmpty();
        assertThat(documents.text(hit.documentId(), null)).contains("报告日期");
    }

    /** Issue 21: written in batches, the demo keeps its paper files, shelves, accounts and faults as it had them one by one. */
    @Test
    void the_demo_has_a_paper_file_per_record_nine_tenths_shelved_and_the_faults_a_campaign_finds() {
        String demo = " join health_record r on r.id = f.record_id join institution i on i.id = r.institution_id"
                + " where i.code like '130123%'";
        assertThat(jdbc.queryForObject("select count(*) from paper_file f" + demo, Long.class))
                .isEqualTo(DemoData.RECORDS_A + DemoData.RECORDS_B);
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file f" + demo + " and f.state = 'STORED' and f.box_id is not null",
                        Long.class))
                .isEqualTo(DemoData.RECORDS_A * 9 / 10 + DemoData.RECORDS_B * 9 / 10);
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file f" + demo + " and f.state = 'RECEIVED' and f.box_id is null",
                        Long.class))
                .isEqualTo(DemoData.RECORDS_A
                        - DemoData.RECORDS_A * 9 / 10
                        + DemoData.RECORDS_B
                        - DemoData.RECORDS_B * 9 / 10);
        // every file holds its basic information and examinations, and its page count is the sum of its contents
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file f" + demo + " and f.page_count <> (select sum(c.pages)"
                                + " from paper_file_content c where c.paper_file_id = f.id)",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file_content c join paper_file f on f.id = c.paper_file_id" + demo
                                + " and c.document_type in ('BASIC_INFO', 'HEALTH_EXAM')",
                        Long.class))
                .isEqualTo(2L * (DemoData.RECORDS_A + DemoData.RECORDS_B));
        // shelved in boxes of the file's own township, none past its capacity
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file f join box b on b.id = f.box_id" + demo
                                + " and b.institution_id <> coalesce((select p.id from institution p where p.id = i.parent_id"
                                + " and i.type = 'VILLAGE_CLINIC'), i.id)",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from box b where (select count(*) from paper_file f where f.box_id = b.id) > b.capacity",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from box b join institution i on i.id = b.institution_id where i.code like '130123%'",
                        Long.class))
                .isEqualTo(28);
        assertThat(jdbc.queryForObject(
                        "select count(*) from storage_location l join institution i on i.id = l.institution_id"
                                + " where i.code like '130123%'",
                        Long.class))
                .isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class))
                .isGreaterThanOrEqualTo(11);
        // the faults: wrong check digits and persons registered twice
        List<String> idNumbers = jdbc.queryForList(
                "select r.id_number from health_record r join institution i on i.id = r.institution_id where i.code like '130123%'",
                String.class);
        assertThat(idNumbers.stream()
                        .filter(n -> ResidentId.checkCharacter(n.substring(0, 17)) != n.charAt(17))
                        .count())
                .isPositive();
        assertThat(idNumbers.size() - idNumbers.stream().distinct().count()).isPositive();
    }

    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void the_demo_users_sign_in_with_the_readme_password_that_the_policy_refuses_to_others() throws Exception {
        Assertions.assertThatThrownBy(() -> PasswordPolicy.check("archivist-a", DemoData.PASSWORD))
                .isInstanceOf(AccountRefused.class);
        var manager = authentication.getAuthenticationManager();
        for (String user : List.of("admin", "archivist-a", "county-checker", "searcher-b")) {
            assertThat(manager.authenticate(
                                    UsernamePasswordAuthenticationToken.unauthenticated(user, DemoData.PASSWORD))
                            .isAuthenticated())
                    .as(user)
                    .isTrue();
        }
    }

    @Autowired
    ResidentCodes residentCodes;

    /** Issue 19: the README's pilot residents are on file in township A, and each gets a code on asking. */
    @Test
    void the_readme_pilot_residents_get_a_sign_in_code() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (DemoData.PilotResident pilot : DemoData.PILOT_RESIDENTS.values()) {
            assertThat(readme).contains("| `" + pilot.idNumber() + "` | `" + pilot.phone() + "` |");
            assertThat(jdbc.queryForObject(
                            "select count(*) from health_record r join institution i on i.id = r.institution_id"
                                    + " where r.id_number = ? and r.phone = ? and r.status = 'ACTIVE'"
                                    + " and i.code like '" + DemoData.TOWNSHIP_A + "%'",
                            Integer.class,
                            pilot.idNumber(),
                            pilot.phone()))
                    .as(pilot.name())
                    .isEqualTo(1);
            residentCodes.request(
                    pilot.idNumber(), pilot.phone(), "10.200.0." + pilot.phone().substring(10));
        }
        residentCodes.settle();
        for (DemoData.PilotResident pilot : DemoData.PILOT_RESIDENTS.values()) {
            assertThat(SmsGateway.lastCodeTo(pilot.phone())).as(pilot.name()).isPresent();
        }
    }
}
