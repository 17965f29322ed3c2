package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Two records of one person merged: fields picked, paper files and documents under the survivor, the other kept as DUPLICATE. */
@DanganTest
class RecordMergeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArchivedDocuments archived;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord survivor;
    HealthRecord duplicate;
    long document;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        survivor = fixtures.record(county.a(), 1);
        // serial 501 gives the same ID number: the same resident registered twice
        duplicate = fixtures.record(county.a(), 501);
        jdbc.update("update health_record set phone = '13911112222' where id = ?", duplicate.getId());
        document = archived.archive(duplicate, DocumentType.AUX_EXAM_REPORT, "甲镇卫生院 腹部超声检查报告");
    }

    private ResultActions merge(String user, String into, String body) throws Exception {
        return mvc.perform(post("/api/records/" + into + "/merge")
                .with(httpBasic(county.user(user), Fixtures.PASSWORD))
                .contentType("application/json")
                .content(body));
    }

    @Test
    void the_duplicate_goes_into_the_survivor_with_the_fields_picked_and_points_to_it() throws Exception {
        merge(
                        "archivist-a",
                        survivor.getRecordNumber(),
                        "{\"duplicate\": \"" + duplicate.getRecordNumber() + "\", \"take\": [\"phone\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.taken[0]").value("phone"))
                .andExpect(jsonPath("$.paperFiles").value(1));
        assertThat(jdbc.queryForObject("select phone from health_record where id = ?", String.class, survivor.getId()))
                .isEqualTo("13911112222");
        assertThat(jdbc.queryForList(
                        "select file_number from paper_file where record_id = ? order by file_number",
                        String.class,
                        survivor.getId()))
                .containsExactly(survivor.getRecordNumber() + "-01", duplicate.getRecordNumber() + "-01");
        assertThat(jdbc.queryForObject(
                        "select record_number from scanned_document where id = ?", String.class, document))
                .isEqualTo(survivor.getRecordNumber());
        mvc.perform(get("/api/records/" + duplicate.getRecordNumber())
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.status").value("DUPLICATE"))
                .andExpect(jsonPath("$.duplicateOf").value(survivor.getRecordNumber()));
        index.drain();
        mvc.perform(get("/api/search")
                        .param("q", "腹部超声")
                        .param("record", survivor.getRecordNumber())
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.total").value(1));
        // a duplicate is merged once
        merge("archivist-a", survivor.getRecordNumber(), "{\"duplicate\": \"" + duplicate.getRecordNumber() + "\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void a_county_merge_of_another_townships_duplicate_moves_its_scan_to_the_survivors_township() throws Exception {
        // the same resident registered in township B too (serial 1 gives the survivor's ID number)
        HealthRecord inB = fixtures.record(county.b(), 1);
        long scan = archived.archive(inB, DocumentType.HEALTH_EXAM, "乙镇卫生院 心电图检查报告 窦性心律");
        index.drain();
        mvc.perform(get("/api/documents/" + scan).with(as("archivist-b"))).andExpect(status().isOk());

        merge("county-keeper", survivor.getRecordNumber(), "{\"duplicate\": \"" + inB.getRecordNumber() + "\"}")
                .andExpect(status().isOk());

        mvc.perform(get("/api/documents/" + scan).with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recordNumber").value(survivor.getRecordNumber()));
        mvc.perform(get("/api/documents/" + scan).with(as("archivist-b"))).andExpect(status().isNotFound());
        index.drain();
        mvc.perform(get("/api/search").param("q", "窦性心律").with(as("searcher-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].documentId").value(scan))
                .andExpect(jsonPath("$.hits[0].recordNumber").value(survivor.getRecordNumber()))
                .andExpect(jsonPath("$.hits[0].institution").value(county.a().getCode()));
        mvc.perform(get("/api/search").param("q", "窦性心律").with(as("archivist-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void only_an_archivist_merges_only_records_of_one_person_and_only_known_fields() throws Exception {
        HealthRecord other = fixtures.record(county.a(), 2);
        String body = "{\"duplicate\": \"" + duplicate.getRecordNumber() + "\"}";
        merge("searcher-a", survivor.getRecordNumber(), body).andExpect(status().isForbidden());
        merge("archivist-b", survivor.getRecordNumber(), body).andExpect(status().isForbidden());
        merge("archivist-a", other.getRecordNumber(), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("record.merge.notSamePerson"));
        merge(
                        "archivist-a",
                        survivor.getRecordNumber(),
                        "{\"duplicate\": \"" + duplicate.getRecordNumber() + "\", \"take\": [\"salary\"]}")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject(
                        "select status from health_record where id = ?", String.class, duplicate.getId()))
                .isEqualTo("ACTIVE");
    }

    /** A record of township A with the restricted tag and restricted pages, and a twin (same ID number) of township B. */
    private HealthRecord[] taggedAndTwin() {
        HealthRecord tagged = fixtures.record(county.a(), 3);
        jdbc.update("update health_record set key_populations = 'SEVERE_MENTAL_DISORDER' where id = ?", tagged.getId());
        jdbc.update(
                "insert into paper_file_content (paper_file_id, document_type, pages) select id, 'SEVERE_MENTAL_DISORDER', 6"
                        + " from paper_file where record_id = ?",
                tagged.getId());
        HealthRecord twin = fixtures.record(county.b(), 503);
        return new HealthRecord[] {tagged, twin};
    }

    @Test
    void an_archivist_without_restricted_documents_may_not_merge_a_tagged_record_nor_learn_its_tag() throws Exception {
        HealthRecord[] pair = taggedAndTwin();
        merge(
                        "county-checker",
                        pair[0].getRecordNumber(),
                        "{\"duplicate\": \"" + pair[1].getRecordNumber() + "\", \"take\": [\"keyPopulations\"]}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("records.merge.restricted.forbidden"))
                .andExpect(jsonPath("$.taken").doesNotExist());
        assertThat(jdbc.queryForObject(
                        "select key_populations from health_record where id = ?", String.class, pair[0].getId()))
                .isEqualTo("SEVERE_MENTAL_DISORDER");
        assertThat(jdbc.queryForObject("select status from health_record where id = ?", String.class, pair[1].getId()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void an_archivist_without_restricted_documents_may_not_move_restricted_pages_away_by_merging() throws Exception {
        HealthRecord[] pair = taggedAndTwin();
        merge("county-checker", pair[1].getRecordNumber(), "{\"duplicate\": \"" + pair[0].getRecordNumber() + "\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("records.merge.restricted.forbidden"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file where record_id = ?", Integer.class, pair[0].getId()))
                .isEqualTo(1);
    }

    @Test
    void restricted_pages_alone_make_a_merge_need_the_permission() throws Exception {
        HealthRecord[] pair = taggedAndTwin();
        jdbc.update("update health_record set key_populations = '' where id = ?", pair[0].getId());
        merge("county-checker", pair[1].getRecordNumber(), "{\"duplicate\": \"" + pair[0].getRecordNumber() + "\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void a_refused_merge_tells_nothing_of_whether_a_record_is_restricted() throws Exception {
        // the tester's oracle: any pair, refused 403 for a restricted record and 400 (not one person) otherwise
        HealthRecord[] pair = taggedAndTwin();
        HealthRecord plain = fixtures.record(county.a(), 4);
        String tagged = merge(
                        "county-checker",
                        pair[0].getRecordNumber(),
                        "{\"duplicate\": \"" + plain.getRecordNumber() + "\"}")
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String untagged = merge(
                        "county-checker",
                        plain.getRecordNumber(),
                        "{\"duplicate\": \"" + duplicate.getRecordNumber() + "\"}")
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(untagged).isEqualTo(tagged);
    }

    @Test
    void a_merge_by_a_holder_of_the_permission_keeps_the_restricted_tag_unless_taken() throws Exception {
        HealthRecord[] pair = taggedAndTwin();
        jdbc.update(
                "update health_record set institution_id = ? where id = ?",
                county.a().getId(),
                pair[1].getId());
        merge(
                        "archivist-a",
                        pair[0].getRecordNumber(),
                        "{\"duplicate\": \"" + pair[1].getRecordNumber() + "\", \"take\": [\"phone\"]}")
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        "select key_populations from health_record where id = ?", String.class, pair[0].getId()))
                .isEqualTo("SEVERE_MENTAL_DISORDER");
    }
}
