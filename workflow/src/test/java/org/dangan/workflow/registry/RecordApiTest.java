package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.ExportFile;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DanganTest
class RecordApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord inA;
    HealthRecord inB;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        inA = fixtures.record(county.a(), 1);
        fixtures.record(county.a(), 2);
        inB = fixtures.record(county.b(), 1);
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void a_township_archivist_lists_only_the_township_records_with_masked_id_numbers() throws Exception {
        mvc.perform(get("/api/records").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath(
                        "$.items[*].recordNumber",
                        everyItem(startsWith(county.a().getCode()))))
                .andExpect(jsonPath("$.items[*].idNumber", everyItem(matchesPattern("\\d\\*{17}"))));
    }

    @Test
    void a_township_archivist_cannot_read_another_townships_record_by_number() throws Exception {
        mvc.perform(get("/api/records/" + inB.getRecordNumber()).with(as("archivist-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/records")
                        .param("institution", county.b().getCode())
                        .with(as("archivist-a")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/records").param("q", inB.getRecordNumber()).with(as("archivist-a")))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void q_finds_by_name_prefix_record_number_prefix_and_whole_id_number() throws Exception {
        HealthRecord li = fixtures.record(county.a(), 30);
        mvc.perform(get("/api/records").param("q", "测试3").with(as("county-supervisor")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].recordNumber").value(li.getRecordNumber()));
        mvc.perform(get("/api/records").param("q", county.a().getCode()).with(as("county-supervisor")))
                .andExpect(jsonPath("$.total").value(3));
        // a whole ID number only for those who may see whole ID numbers
        mvc.perform(get("/api/records").param("q", li.getIdNumber()).with(as("archivist-a")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].recordNumber").value(li.getRecordNumber()));
    }

    @Test
    void a_huge_search_is_refused_by_name_and_a_negative_page_starts_at_the_first() throws Exception {
        mvc.perform(get("/api/records")
                        .param("q", "测".repeat(65))
                        .with(as("archivist-a"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("records.search.tooLong"))
                .andExpect(jsonPath("$.message").value("查询内容过长：最多64个字"));
        mvc.perform(get("/api/records").param("q", "测试").param("page", "-5").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void the_county_supervisor_sees_both_townships() throws Exception {
        mvc.perform(get("/api/records").with(as("county-supervisor")))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/records")
                        .param("institution", county.b().getCode())
                        .with(as("county-supervisor")))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void a_record_comes_with_its_paper_files_and_a_masked_id_number() throws Exception {
        mvc.perform(get("/api/records/" + inA.getRecordNumber()).with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(inA.getMaskedIdNumber()))
                .andExpect(jsonPath("$.paperFiles[0].fileNumber").value(inA.getRecordNumber() + "-01"))
                .andExpect(jsonPath("$.paperFiles[0].pageCount").value(6))
                .andExpect(jsonPath("$.institutionCode").value(county.a().getCode()));
    }

    @Test
    void every_read_of_a_record_is_audited_and_the_auditor_sees_it() throws Exception {
        mvc.perform(get("/api/records/" + inA.getRecordNumber()).with(as("archivist-a")))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry where action = 'RECORD_READ' and subject_id = ? and username = ?""", Long.class, inA.getRecordNumber(), county.user("archivist-a")))
                .isEqualTo(1);
        mvc.perform(get("/api/audit").param("subjectId", inA.getRecordNumber()).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].action", hasItem("RECORD_READ")));
        mvc.perform(get("/api/audit").with(as("archivist-a"))).andExpect(status().isForbidden());
    }

    @Autowired
    Records records;

    @Autowired
    AsUser asUser;

    @Test
    void a_capped_count_stops_at_its_limit_and_is_exact_below_it() {
        asUser.login(county.user("county-supervisor"));
        try {
            assertThat(records.countUpTo(RecordQuery.all(), 2)).isEqualTo(2);
            assertThat(records.countUpTo(RecordQuery.all(), 10)).isEqualTo(3);
            assertThat(records.countUpTo(new RecordQuery(null, county.b().getCode(), null, null), 10))
                    .isEqualTo(1);
        } finally {
            AsUser.logout();
        }
    }

    @Test
    void the_api_needs_a_login() throws Exception {
        mvc.perform(get("/api/records")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/records").with(httpBasic(county.user("archivist-a"), "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void five_failed_logins_lock_the_account_even_for_the_right_password() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/records").with(httpBasic(county.user("archivist-b"), "wrong")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/records").with(as("archivist-b"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/records").with(as("archivist-a"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'LOGIN_FAILED' and username = ?",
                        Long.class,
                        county.user("archivist-b")))
                .isEqualTo(6);
    }

    @Test
    void a_successful_login_forgets_the_failed_ones_before_it() throws Exception {
        // eight failures in all, never five in a row: the success between them resets the count
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(get("/api/records").with(httpBasic(county.user("archivist-b"), "wrong")))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/records").with(as("archivist-b"))).andExpect(status().isOk());
        }
    }

    @Test
    void import_answers_accepted_and_rejected_rows_with_line_and_column() throws Exception {
        ExportFile export = ExportFile.chinese()
                .validRow(county.a().getCode(), 10)
                .validRow(county.a().getCode(), 11)
                .set("出生日期", "1950-02-30");
        MockMultipartFile file = new MockMultipartFile(
                "file", "export.csv", "text/csv", export.csv().getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/imports/records").file(file).with(as("archivist-a")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].column").value("出生日期"))
                .andExpect(jsonPath("$.rejected[0].value").value("1950-02-30"));
        mvc.perform(multipart("/api/imports/records")
                        .file(file)
                        .param("mode", "VALID_ROWS")
                        .with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected.length()").value(1));
    }

    @Test
    void a_broken_file_gets_a_clear_error_and_a_searcher_may_not_import() throws Exception {
        MockMultipartFile empty = new MockMultipartFile("file", "export.csv", "text/csv", new byte[0]);
        mvc.perform(multipart("/api/imports/records").file(empty).with(as("archivist-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.code").value("import.file.empty"))
                .andExpect(jsonPath("$.message").value("文件为空"));
        mvc.perform(multipart("/api/imports/records")
                        .file(empty)
                        .with(as("archivist-a"))
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.message").value("The file is empty"));
        mvc.perform(multipart("/api/imports/records").file(empty).with(as("searcher-a")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_institution_tree_carries_codes_from_the_users_root() throws Exception {
        mvc.perform(get("/api/institutions").with(as("county-supervisor")))
                .andExpect(jsonPath("$[0].code").value(county.county().getCode()))
                .andExpect(jsonPath("$[0].children[0].code").value(county.a().getCode()))
                .andExpect(jsonPath("$[0].children[0].children[0].code")
                        .value(county.village().getCode()));
        mvc.perform(get("/api/institutions").with(as("archivist-b")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value(county.b().getCode()));
    }

    @Test
    void health_answers_up_with_database_camunda_and_search_and_metrics_are_published() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.processEngine.status").value("UP"))
                .andExpect(jsonPath("$.components.search.status").value("UP"))
                .andExpect(jsonPath("$.components.elasticsearch").doesNotExist());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
    }

    @Test
    void an_error_whose_text_names_a_java_class_is_answered_with_a_translated_generic_message() throws Exception {
        String tags = jdbc.queryForObject(
                "select key_populations from health_record where id = ?", String.class, inA.getId());
        jdbc.update("update health_record set key_populations = 'BOGUS' where id = ?", inA.getId());
        try {
            mvc.perform(get("/api/records").with(as("archivist-a")).header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("error.badRequest"))
                    .andExpect(jsonPath("$.message").value("The request is not valid"));
        } finally {
            // taken back: on PostgreSQL every test class shares the database, and the tag would
            // reach other tests' counts
            jdbc.update("update health_record set key_populations = ? where id = ?", tags, inA.getId());
        }
    }
}
