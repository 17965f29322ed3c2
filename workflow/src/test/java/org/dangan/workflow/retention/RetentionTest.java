package org.dangan.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Retention by the DMN table, disposal dates, the eligible list, and legal holds that stop disposal. */
@DanganTest
class RetentionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Retention retention;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord living;
    HealthRecord deceased;
    String reports;
    Box box;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        box = fixtures.box(county.a(), 9);
        living = fixtures.record(county.a(), 1);
        deceased = fixtures.record(county.a(), 2);
        jdbc.update(
                "update health_record set last_service_date = ? where id in (?, ?)",
                LocalDate.of(2000, 3, 1),
                living.getId(),
                deceased.getId());
        jdbc.update("update health_record set status = 'DECEASED' where id = ?", deceased.getId());
        reports = living.getRecordNumber() + "-02";
        registry.register(new PaperFile(reports, living.getId(), Map.of(DocumentType.AUX_EXAM_REPORT, 3)));
        for (String file :
                new String[] {living.getRecordNumber() + "-01", reports, deceased.getRecordNumber() + "-01"}) {
            registry.store(file, box.getBarcode());
        }
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void the_table_keeps_outpatient_reports_15_years_health_records_for_life_and_the_rest_30() {
        assertThat(retention.rule("AUX_EXAM_REPORT")).isEqualTo(new Retention.Rule("AUX_EXAM_REPORT", 15, false));
        assertThat(retention.rule("HEALTH_EXAM")).isEqualTo(new Retention.Rule("HEALTH_EXAM", 15, true));
        assertThat(retention.rule("OTHER")).isEqualTo(new Retention.Rule("OTHER", 30, false));
    }

    @Test
    void a_living_residents_record_stays_and_reports_and_a_deceased_residents_file_become_eligible() throws Exception {
        mvc.perform(get("/api/paper-files/" + living.getRecordNumber() + "-01/retention")
                        .with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disposalDate").doesNotExist())
                .andExpect(jsonPath("$.eligible").value(false));
        mvc.perform(get("/api/paper-files/" + reports + "/retention").with(as("archivist-a")))
                .andExpect(jsonPath("$.disposalDate").value("2015-03-01"))
                .andExpect(jsonPath("$.eligible").value(true));
        mvc.perform(get("/api/disposal/eligible")
                        .param("institution", county.a().getCode())
                        .with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].fileNumber")
                        .value(Matchers.containsInAnyOrder(reports, deceased.getRecordNumber() + "-01")));
        mvc.perform(get("/api/disposal/eligible")
                        .param("institution", county.a().getCode())
                        .with(as("archivist-b")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_recorded_death_starts_the_health_records_time_and_is_recorded_once() throws Exception {
        String file = living.getRecordNumber() + "-01";
        String death = "/api/records/" + living.getRecordNumber() + "/death";
        mvc.perform(post(death)
                        .with(as("searcher-a"))
                        .contentType("application/json")
                        .content("{\"date\": \"2020-06-30\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(death)
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"date\": \"" + LocalDate.now(ChinaTime.ZONE).plusDays(2) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("死亡日期不能晚于今天"));
        mvc.perform(post(death)
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"date\": \"2020-06-30\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post(death)
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"date\": \"2020-07-01\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/records/" + living.getRecordNumber()).with(as("archivist-a")))
                .andExpect(jsonPath("$.status").value("DECEASED"))
                .andExpect(jsonPath("$.deceasedOn").value("2020-06-30"));
        // health record material: 15 years from the death, not from the last service (2000-03-01)
        mvc.perform(get("/api/paper-files/" + file + "/retention").with(as("archivist-a")))
                .andExpect(jsonPath("$.disposalDate").value("2035-06-30"))
                .andExpect(jsonPath("$.eligible").value(false));
    }

    @Test
    void a_legal_hold_stops_disposal_until_a_supervisor_releases_it() throws Exception {
        mvc.perform(post("/api/paper-files/" + reports + "/holds")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"reason\": \"诉讼\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/paper-files/" + reports + "/holds")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isBadRequest());
        // the county reads a hold's reason, with or without the permission
        mvc.perform(post("/api/paper-files/" + reports + "/holds")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"reason\": \"法院强制医疗案：精神分裂症鉴定\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("text.namesRestricted"));
        String body = mvc.perform(post("/api/paper-files/" + reports + "/holds")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"reason\": \"医疗纠纷诉讼中\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long hold = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/paper-files/" + reports + "/retention").with(as("archivist-a")))
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.holds[0].reason").value("医疗纠纷诉讼中"));
        mvc.perform(get("/api/disposal/eligible")
                        .param("institution", county.a().getCode())
                        .with(as("archivist-a")))
                .andExpect(jsonPath("$[*].fileNumber").value(Matchers.not(Matchers.hasItem(reports))));
        mvc.perform(delete("/api/paper-files/" + reports + "/holds/" + hold).with(as("head-a")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/paper-files/" + reports + "/retention").with(as("archivist-a")))
                .andExpect(jsonPath("$.eligible").value(true));
    }

    @Test
    void the_retention_of_a_file_names_no_restricted_document_type_to_a_reader_without_the_permission()
            throws Exception {
        String file = deceased.getRecordNumber() + "-02";
        registry.register(new PaperFile(
                file, deceased.getId(), Map.of(DocumentType.SEVERE_MENTAL_DISORDER, 6, DocumentType.BASIC_INFO, 1)));
        registry.store(file, box.getBarcode());
        mvc.perform(get("/api/paper-files/" + file + "/retention").with(as("head-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[*].documentType").value(Matchers.contains("BASIC_INFO")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("SEVERE_MENTAL_DISORDER"))));
        mvc.perform(get("/api/disposal/eligible")
                        .param("institution", county.a().getCode())
                        .with(as("head-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(file)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("SEVERE_MENTAL_DISORDER"))));
        mvc.perform(get("/api/paper-files/" + file + "/retention").with(as("archivist-a")))
                .andExpect(jsonPath("$.rules[*].documentType", Matchers.hasItem("SEVERE_MENTAL_DISORDER")));
    }

    @Test
    void retention_is_read_by_those_who_keep_the_paper_only() throws Exception {
        for (String user : new String[] {"searcher-a", "auditor"}) {
            mvc.perform(get("/api/paper-files/" + reports + "/retention").with(as(user)))
                    .andExpect(status().isForbidden());
        }
    }
}
