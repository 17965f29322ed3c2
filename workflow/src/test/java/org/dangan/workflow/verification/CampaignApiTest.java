package org.dangan.workflow.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DanganTest
class CampaignApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagementService management;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        for (int serial = 1; serial <= 3; serial++) {
            fixtures.record(county.a(), serial);
        }
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    private String body(String institution) {
        return """
                {"institutions": ["%s"], "deadline": "%s", "seed": 42}""".formatted(institution, LocalDate.now(ChinaTime.ZONE).plusDays(30));
    }

    @Test
    void a_county_supervisor_starts_a_campaign_and_reads_its_progress() throws Exception {
        String answer = mvc.perform(post("/api/campaigns")
                        .with(as("county-supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(county.a().getCode())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.processInstanceId").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
        String process = JsonPath.read(answer, "$.processInstanceId");
        management
                .createJobQuery()
                .processInstanceId(process)
                .executable()
                .list()
                .forEach(j -> management.executeJob(j.getId()));

        mvc.perform(get("/api/campaigns/" + id).with(as("county-supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RULE_CHECKS"))
                .andExpect(jsonPath("$.records").value(3))
                .andExpect(jsonPath("$.recordsChecked").value(3))
                .andExpect(jsonPath("$.flagged").value(0))
                .andExpect(jsonPath("$.fixed").value(0))
                .andExpect(jsonPath("$.waived").value(0))
                .andExpect(jsonPath("$.sampleSize").value(0))
                .andExpect(jsonPath("$.sampleErrorRate").value(0))
                // the seed decides the county's sample: not told before the last draw, not even to the county
                .andExpect(jsonPath("$.seed").doesNotExist())
                .andExpect(jsonPath("$.institutions", hasSize(1)))
                .andExpect(jsonPath("$.institutions[0].code").value(county.a().getCode()))
                .andExpect(jsonPath("$.institutions[0].state").value("WAITING"));
        // the township's own archivist sees it; a township outside it does not
        mvc.perform(get("/api/campaigns/" + id).with(as("archivist-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/campaigns/" + id).with(as("archivist-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/campaigns/" + id + "/report.pdf").with(as("county-supervisor")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString("campaign-" + id + "-report.pdf")));
    }

    @Test
    void only_a_county_supervisor_starts_and_only_for_the_own_county() throws Exception {
        mvc.perform(post("/api/campaigns")
                        .with(as("archivist-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(county.a().getCode())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/campaigns")
                        .with(as("head-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(county.a().getCode())))
                .andExpect(status().isForbidden());
        Fixtures.County other = fixtures.county();
        mvc.perform(post("/api/campaigns")
                        .with(as("county-supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(other.a().getCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("campaign.unknownInstitution"));
        mvc.perform(post("/api/campaigns")
                        .with(as("county-supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"institutions": ["%s"], "deadline": "2020-01-01"}""".formatted(county.a().getCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("campaign.deadlineRequired"));
        mvc.perform(post("/api/campaigns")
                        .with(as("county-supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"institutions": ["%s", "%s"], "deadline": "%s"}""".formatted(
                                        county.a().getCode(),
                                        county.village().getCode(),
                                        LocalDate.now(ChinaTime.ZONE).plusDays(3))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("campaign.withinAnother"));
    }

    @Test
    void sample_verdicts_come_only_from_the_county_checkers() throws Exception {
        String answer = mvc.perform(post("/api/campaigns")
                        .with(as("county-supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(county.a().getCode())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
        mvc.perform(put("/api/campaigns/" + id + "/sample/" + county.a().getCode() + "00100001")
                        .with(as("archivist-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\": \"PASS\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/campaigns/" + id + "/sample/" + county.a().getCode() + "00100001")
                        .with(as("county-checker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\": \"PASS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("sample.notInSample"));
        // the institution reads a failed record's reason in its next round
        mvc.perform(put("/api/campaigns/" + id + "/sample/" + county.a().getCode() + "00100001")
                        .with(as("county-checker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\": \"FAIL\", \"reason\": \"重性精神病患者未标注\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("text.namesRestricted"));
        // refused while the body is read, and said so: not "the JSON could not be read"
        mvc.perform(put("/api/campaigns/" + id + "/paper-files/" + county.a().getCode() + "00100001-01/check")
                        .with(as("archivist-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pagesFound\": 3, \"signaturesPresent\": true, \"contentAgrees\": true,"
                                + " \"note\": \"精神分裂症\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("text.namesRestricted"));
    }
}
