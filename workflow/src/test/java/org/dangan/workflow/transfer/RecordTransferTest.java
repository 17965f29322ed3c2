package org.dangan.workflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.registry.CustodyAgreement;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.verification.RecordFacts;
import org.dangan.workflow.verification.Rule;
import org.dangan.workflow.verification.RuleBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A resident moves from township A to township B: the transfer asked, accepted or refused, over the REST API. */
@DanganTest
class RecordTransferTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    ArchivedDocuments archived;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordBatches batches;

    @Autowired
    CustodyAgreement agreement;

    Fixtures.County county;
    HealthRecord record;
    String file;
    long document;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        record = fixtures.record(county.a(), 1);
        file = record.getRecordNumber() + "-01";
        registry.store(file, fixtures.box(county.a(), 1).getBarcode());
        document = archived.archive(record, DocumentType.AUX_EXAM_REPORT, "甲镇卫生院 心电图报告");
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    private long request() throws Exception {
        String body = mvc.perform(post("/api/transfers")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"recordNumber\": \"" + record.getRecordNumber() + "\", \"to\": \""
                                + county.b().getCode() + "\", \"reason\": \"居民迁居乙镇\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void decide(long id, String user, String body, int expected) throws Exception {
        mvc.perform(post("/api/transfers/" + id + "/decision")
                        .with(as(user))
                        .contentType("application/json")
                        .content(body))
                .andExpect(status().is(expected));
    }

    private long institutionOf(String table, long id) {
        return jdbc.queryForObject("select institution_id from " + table + " where id = ?", Long.class, id);
    }

    @Test
    void an_accepted_transfer_moves_the_record_its_paper_and_its_documents_and_both_sides_keep_the_trail()
            throws Exception {
        long disagreements = agreement.check().disagreements();
        long id = request();
        decide(id, "archivist-a", "{\"accepted\": true}", 403);
        mvc.perform(get("/api/transfers/" + id).with(as("searcher-a"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/transfers").with(as("searcher-a")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/transfers").with(as("archivist-b")))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].state").value("REQUESTED"))
                .andExpect(jsonPath("$[0].from").value(county.a().getCode()));
        decide(id, "archivist-b", "{\"accepted\": true}", 204);

        mvc.perform(get("/api/transfers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("ACCEPTED"))
                .andExpect(jsonPath("$.decidedBy").value(county.user("archivist-b")));
        assertThat(institutionOf("health_record", record.getId()))
                .isEqualTo(county.b().getId());
        assertThat(institutionOf("scanned_document", document))
                .isEqualTo(county.b().getId());
        assertThat(jdbc.queryForMap("select state, box_id from paper_file where file_number = ?", file))
                .containsEntry("STATE", "TRANSFERRED")
                .containsEntry("BOX_ID", null);
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, file))
                .extracting(e -> e.event() + "@" + e.institutionId())
                .endsWith(
                        CustodyEvent.TRANSFERRED + "@" + county.a().getId(),
                        CustodyEvent.RECEIVED + "@" + county.b().getId());
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, file))
                .contains(county.b().getCode());
        assertThat(agreement.check().disagreements())
                .as("the register and the ledger agree")
                .isEqualTo(disagreements);
        mvc.perform(get("/api/records/" + record.getRecordNumber()).with(as("archivist-b")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/records/" + record.getRecordNumber()).with(as("archivist-a")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForList(
                        "select institution_id from audit_entry where subject_type = 'RECORD_TRANSFER'"
                                + " and subject_id = ? and detail like 'moved%'",
                        Long.class, Long.toString(id)))
                .containsExactlyInAnyOrder(county.a().getId(), county.b().getId());

        // the number still carries A's code: the rule checks at B do not take it for a wrong number
        var stored = batches.byNumber(record.getRecordNumber()).orElseThrow();
        assertThat(stored.numberedBy()).isEqualTo(county.a().getCode());
        assertThat(RuleBook.defaults().check(RecordFacts.of(stored), LocalDate.now()))
                .extracting(f -> f.rule())
                .doesNotContain(Rule.RECORD_NUMBER_INSTITUTION);

        // B boxes the file it received
        Box box = fixtures.box(county.b(), 1);
        registry.store(file, box.getBarcode());
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, file))
                .contains(box.getBarcode().value());
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void a_refusal_needs_a_reason_and_moves_nothing() throws Exception {
        long id = request();
        decide(id, "archivist-b", "{\"accepted\": false}", 400);
        decide(id, "archivist-b", "{\"accepted\": false, \"reason\": \"该居民不在本辖区\"}", 204);
        mvc.perform(get("/api/transfers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason").value("该居民不在本辖区"));
        assertThat(institutionOf("health_record", record.getId()))
                .isEqualTo(county.a().getId());
        assertThat(jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, file))
                .isEqualTo("STORED");
        decide(id, "archivist-b", "{\"accepted\": true}", 409);
    }

    @Test
    void only_an_archivist_of_the_record_asks_once_and_only_to_a_primary_care_institution() throws Exception {
        String body = "{\"recordNumber\": \"" + record.getRecordNumber() + "\", \"to\": \"%s\", \"reason\": \"迁居\"}";
        mvc.perform(post("/api/transfers")
                        .with(as("searcher-a"))
                        .contentType("application/json")
                        .content(body.formatted(county.b().getCode())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/transfers")
                        .with(as("archivist-b"))
                        .contentType("application/json")
                        .content(body.formatted(county.a().getCode())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/transfers")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content(body.formatted(county.county().getCode())))
                .andExpect(status().isBadRequest());
        request();
        mvc.perform(post("/api/transfers")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content(body.formatted(county.b().getCode())))
                .andExpect(status().isConflict());
    }
}
