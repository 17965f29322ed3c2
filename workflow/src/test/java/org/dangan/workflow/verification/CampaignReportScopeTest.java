package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 15, item 14: a searcher of one township read the other township's counts and rework reason. */
@DanganTest
class CampaignReportScopeTest {

    static final String REWORK_B = "乙镇抽查差错率过高：缺页三份";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignRepository repository;

    @Autowired
    RuleChecks ruleChecks;

    @Autowired
    CampaignReports reports;

    @Autowired
    AsUser asUser;

    @Autowired
    TransactionTemplate transactions;

    Fixtures.County county;
    long campaignId;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        for (int serial = 1; serial <= 3; serial++) {
            fixtures.record(county.a(), serial);
        }
        for (int serial = 1; serial <= 2; serial++) {
            fixtures.record(county.b(), serial);
        }
        campaignId = repository
                .save(new Campaign(
                        Set.of(county.a().getId(), county.b().getId()),
                        county.county().getId(),
                        LocalDate.now(ChinaTime.ZONE).plusMonths(1),
                        new BigDecimal("0.05"),
                        7L,
                        "test",
                        Instant.now()))
                .getId();
        ruleChecks.runToEnd(campaignId, 10, RuleBook.defaults(), n -> {});
        transactions.executeWithoutResult(tx -> repository
                .findById(campaignId)
                .orElseThrow()
                .institution(county.b().getId())
                .sendBack(REWORK_B));
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void a_searcher_of_township_a_reads_only_its_own_row_and_totals() throws Exception {
        mvc.perform(get("/api/campaigns/" + campaignId).with(as("searcher-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institutions", hasSize(1)))
                .andExpect(jsonPath("$.institutions[0].code").value(county.a().getCode()))
                .andExpect(jsonPath("$.records").value(3))
                .andExpect(jsonPath("$.recordsChecked").value(3))
                .andExpect(content().string(not(containsString(county.b().getCode()))))
                .andExpect(content().string(not(containsString(REWORK_B))));
    }

    @Test
    void a_searcher_of_township_b_reads_its_own_rework_reason_but_not_township_a() throws Exception {
        mvc.perform(get("/api/campaigns/" + campaignId).with(as("searcher-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institutions", hasSize(1)))
                .andExpect(jsonPath("$.institutions[0].code").value(county.b().getCode()))
                .andExpect(jsonPath("$.institutions[0].reworkReason").value(REWORK_B))
                .andExpect(jsonPath("$.records").value(2))
                .andExpect(jsonPath("$.recordsChecked").value(2));
    }

    @Test
    void the_county_and_the_city_read_every_row_and_the_whole_totals() throws Exception {
        for (String user : new String[] {"county-supervisor", "city-supervisor"}) {
            mvc.perform(get("/api/campaigns/" + campaignId).with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.institutions", hasSize(2)))
                    .andExpect(jsonPath("$.records").value(5))
                    .andExpect(jsonPath("$.recordsChecked").value(5));
        }
    }

    @Test
    void the_printed_report_of_a_township_holds_only_its_own_row() throws Exception {
        byte[] pdf = mvc.perform(
                        get("/api/campaigns/" + campaignId + "/report.pdf").with(as("searcher-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        // institutions by name, not by code
        assertThat(text)
                .contains(county.a().getName())
                .doesNotContain(county.b().getName())
                .doesNotContain(county.a().getCode());
    }

    @Test
    void the_campaign_screen_asks_the_same_service_and_gets_the_same_scope() {
        asUser.login(county.user("searcher-b"));
        assertThat(reports.progress(campaignId).institutions())
                .extracting(CampaignReports.InstitutionProgress::code)
                .containsExactly(county.b().getCode());
    }
}
