package org.dangan.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.PrintedSheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The disposal process on the real engine: appraisal, two approvals with four eyes, a certificate, the ledger kept. */
@DanganTest
class DisposalProcessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    String first;
    String second;
    String third;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        Box box = fixtures.box(county.a(), 11);
        HealthRecord record = fixtures.record(county.a(), 1);
        jdbc.update(
                "update health_record set last_service_date = ? where id = ?",
                LocalDate.of(2001, 5, 1),
                record.getId());
        first = record.getRecordNumber() + "-02";
        second = record.getRecordNumber() + "-03";
        third = record.getRecordNumber() + "-04";
        for (String file : new String[] {first, second, third}) {
            registry.register(new PaperFile(file, record.getId(), Map.of(DocumentType.AUX_EXAM_REPORT, 2)));
            registry.store(file, box.getBarcode());
        }
        registry.store(record.getRecordNumber() + "-01", box.getBarcode()); // health record material: kept for life
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    private long propose() throws Exception {
        String body = mvc.perform(post("/api/disposals")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"institution\": \"" + county.a().getCode() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.files").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void decide(long id, String step, String user, boolean approved, int expected) throws Exception {
        mvc.perform(post("/api/disposals/" + id + "/" + step)
                        .with(as(user))
                        .contentType("application/json")
                        .content("{\"approved\": " + approved + ", \"reason\": \"" + (approved ? "" : "仍需保存") + "\"}"))
                .andExpect(status().is(expected));
    }

    private String state(String file) {
        return jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, file);
    }

    @Autowired
    AsUser asUser;

    @Autowired
    Disposals disposals;

    @Autowired
    Retention retention;

    @Test
    void the_screens_are_told_who_proposes_appraises_approves_and_holds_by_the_rule_the_steps_apply() {
        try {
            asUser.login(county.user("archivist-a"));
            assertThat(disposals.mayPropose()).isTrue();
            assertThat(disposals.mayDo("appraise")).isTrue();
            assertThat(disposals.mayDo("approve")).isFalse();
            assertThat(retention.mayHold()).isFalse();
            asUser.login(county.user("head-a"));
            assertThat(disposals.mayPropose()).isFalse();
            assertThat(disposals.mayDo("appraise")).isFalse();
            assertThat(disposals.mayDo("approve")).isTrue();
            assertThat(disposals.mayDo("countyApprove")).isTrue();
            assertThat(retention.mayHold()).isTrue();
        } finally {
            AsUser.logout();
        }
    }

    @Test
    void an_appraised_and_twice_approved_list_is_disposed_of_with_a_certificate_and_the_ledger_kept() throws Exception {
        long id = propose();
        // appraisal keeps one file; a legal hold placed before the end keeps another
        mvc.perform(post("/api/disposals/" + id + "/appraisal")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"keep\": {\"" + second + "\": \"有科研价值\"}}"))
                .andExpect(status().isNoContent());
        decide(id, "approval", "head-a", true, 204);
        mvc.perform(post("/api/paper-files/" + third + "/holds")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"reason\": \"诉讼保全\"}"))
                .andExpect(status().isCreated());
        decide(id, "county-approval", "county-supervisor", true, 204);

        mvc.perform(get("/api/disposals/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("DISPOSED"))
                .andExpect(jsonPath("$.approvedBy").value(county.user("head-a")))
                .andExpect(jsonPath("$.countyApprovedBy").value(county.user("county-supervisor")));
        assertThat(state(first)).isEqualTo("DISPOSED");
        assertThat(state(second)).isEqualTo("STORED");
        assertThat(state(third)).isEqualTo("STORED");
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, first))
                .last()
                .satisfies(e -> assertThat(e.event()).isEqualTo(CustodyEvent.DISPOSED));
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, first)).isEmpty();
        byte[] pdf = mvc.perform(
                        get("/api/disposals/" + id + "/certificate.pdf").with(as("head-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // a record in its own right: PDF/A-2b, disposed at a China time to the second, no UTC instant
        assertThat(PrintedSheets.archival(pdf))
                .contains("纸质档案销毁证明", first, "1 份纸质档案已销毁", county.user("county-supervisor"))
                .containsPattern("Disposed at: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s")
                .doesNotContain(second)
                .doesNotContain(third);
        // the metadata stays: the file and its record are still there
        mvc.perform(get("/api/paper-files/" + first + "/custody").with(as("archivist-a")))
                .andExpect(status().isOk());
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void nobody_approves_their_own_list_and_a_rejection_disposes_of_nothing() throws Exception {
        long id = propose();
        mvc.perform(post("/api/disposals/" + id + "/appraisal")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isNoContent());
        decide(id, "approval", "archivist-a", true, 403);
        decide(id, "county-approval", "county-supervisor", true, 409); // not its turn
        decide(id, "approval", "head-a", false, 204);
        mvc.perform(get("/api/disposals/" + id).with(as("head-a")))
                .andExpect(jsonPath("$.state").value("REJECTED"))
                .andExpect(jsonPath("$.rejectedReason").value("仍需保存"));
        assertThat(state(first)).isEqualTo("STORED");
        mvc.perform(get("/api/disposals/" + id + "/certificate.pdf").with(as("head-a")))
                .andExpect(status().isConflict());
    }
}
