package org.dangan.workflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.PrintedSheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contract of issue 20 over HTTP: who may compute and read (role by endpoint), the reader's
 * scope, rates as fractions or null, and the workbook read back with Chinese headers.
 */
@DanganTest
class IndicatorApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
        fixtures.record(county.a(), 1);
        fixtures.record(county.a(), 2);
        fixtures.record(county.b(), 1);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user) {
        return request.with(httpBasic(county.user(user), Fixtures.PASSWORD));
    }

    @Test
    void county_and_city_supervisors_and_administrators_compute_and_no_one_else() throws Exception {
        for (String user : List.of("county-supervisor", "city-supervisor", "admin")) {
            mvc.perform(as(post("/api/indicators/compute"), user))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.snapshot").isNumber());
        }
        mvc.perform(as(post("/api/indicators/compute"), "head-a"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("indicators.computeCountyOnly"));
        for (String user : List.of("archivist-a", "searcher-a", "auditor", "county-checker")) {
            mvc.perform(as(post("/api/indicators/compute"), user)).andExpect(status().isForbidden());
            mvc.perform(as(
                            get("/api/indicators")
                                    .param("institution", county.a().getCode()),
                            user))
                    .andExpect(status().isForbidden());
            mvc.perform(as(
                            get("/api/indicators.xlsx")
                                    .param("institution", county.a().getCode()),
                            user))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/indicators/compute")).andExpect(status().isUnauthorized());
    }

    @Test
    void a_read_gives_rates_as_fractions_or_null_within_the_readers_scope() throws Exception {
        mvc.perform(as(put("/api/populations"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institution\": \"%s\", \"year\": %d, \"population\": 4}"
                                .formatted(
                                        county.a().getCode(),
                                        LocalDate.now(ChinaTime.ZONE).getYear())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.population").value(4));
        mvc.perform(as(post("/api/indicators/compute"), "county-supervisor")).andExpect(status().isAccepted());

        mvc.perform(as(get("/api/indicators").param("institution", county.a().getCode()), "head-a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institution").value(county.a().getCode()))
                .andExpect(jsonPath("$.computedAt").isString())
                .andExpect(jsonPath("$.indicators.recordRate").value(0.5))
                .andExpect(jsonPath("$.indicators.dynamicUseRate").value(1.0))
                .andExpect(jsonPath("$.indicators.standardisedRate").isEmpty())
                .andExpect(jsonPath("$.indicators.paperElectronicAgreement").isEmpty())
                .andExpect(jsonPath("$.indicators.paperRetired").value(0.0))
                .andExpect(jsonPath("$.indicators.scanned").isEmpty());
        // B has no population: its record rate is undefined, not 0
        mvc.perform(as(get("/api/indicators").param("institution", county.b().getCode()), "county-supervisor"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.recordRate").isEmpty())
                .andExpect(jsonPath("$.indicators.dynamicUseRate").value(1.0));
        for (String outside : List.of(county.b().getCode(), county.county().getCode(), "000000", "<script>")) {
            mvc.perform(as(get("/api/indicators").param("institution", outside), "head-a"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.details.key").value("indicators.institution.missing"));
            mvc.perform(as(get("/api/indicators.xlsx").param("institution", outside), "head-a"))
                    .andExpect(status().isNotFound());
        }
        Fixtures.County other = fixtures.county();
        mvc.perform(as(get("/api/indicators").param("institution", other.a().getCode()), "county-supervisor"))
                .andExpect(status().isNotFound());
        // a code of megabytes is not echoed back: the refusal names at most 40 characters of it
        String echoed = mvc.perform(as(get("/api/indicators").param("institution", "9".repeat(100_000)), "head-a"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(echoed.length()).isLessThan(1_000);
        mvc.perform(as(put("/api/populations"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institution\": \"%s\", \"year\": 2026, \"population\": 5}"
                                .formatted(other.a().getCode())))
                .andExpect(status().isNotFound());
        mvc.perform(as(put("/api/populations"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institution\": \"%s\", \"year\": 2026, \"population\": \"many\"}"
                                .formatted(county.a().getCode())))
                .andExpect(status().isBadRequest());
        // a fraction of a person, or more people than a long holds, is refused, not cut to a whole number
        for (String population : List.of("1900.5", "1e30", "-3")) {
            mvc.perform(as(put("/api/populations"), "county-supervisor")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"institution\": \"%s\", \"year\": 2026, \"population\": %s}"
                                    .formatted(county.a().getCode(), population)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("population.range"));
        }
        // a key given twice is refused as unreadable, whichever value would have won
        mvc.perform(as(put("/api/populations"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institution\": \"%s\", \"year\": 2026, \"population\": 5, \"institution\": \"%s\"}"
                                .formatted(county.a().getCode(), county.b().getCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("error.body.unreadable"));
        // a year past an int wraps to nothing plausible: refused, never stored as another year
        mvc.perform(as(put("/api/populations"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institution\": \"%s\", \"year\": -4294965266, \"population\": 5}"
                                .formatted(county.a().getCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("population.year"));
        // one entered by mistake is taken back; a second time there is nothing to take
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        mvc.perform(as(
                        delete("/api/populations")
                                .param("institution", county.a().getCode())
                                .param("year", "" + year),
                        "head-a"))
                .andExpect(status().isForbidden());
        mvc.perform(as(
                        delete("/api/populations")
                                .param("institution", county.a().getCode())
                                .param("year", "" + year),
                        "county-supervisor"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.population").value(4));
        mvc.perform(as(
                        delete("/api/populations")
                                .param("institution", county.a().getCode())
                                .param("year", "" + year),
                        "county-supervisor"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.details.key").value("population.missing"));
    }

    @Test
    void the_workbook_has_a_sheet_per_level_with_chinese_headers_and_percentages() throws Exception {
        mvc.perform(as(post("/api/indicators/compute"), "county-supervisor")).andExpect(status().isAccepted());
        byte[] xlsx = mvc.perform(as(
                        get("/api/indicators.xlsx")
                                .param("institution", county.county().getCode()),
                        "county-supervisor"))
                .andExpect(status().isOk())
                // 绩效考核指标-<county>-<day>.xlsx, in UTF-8 as RFC 6266 has it
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString(
                                        "filename*=UTF-8''%E7%BB%A9%E6%95%88%E8%80%83%E6%A0%B8%E6%8C%87%E6%A0%87-")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("县（市、区）", "乡镇卫生院、社区卫生服务中心", "村卫生室");
            Sheet townships = workbook.getSheet("乡镇卫生院、社区卫生服务中心");
            assertThat(townships.getRow(0).getCell(0).getStringCellValue()).contains("绩效考核指标", "北京时间");
            List<String> headers = new ArrayList<>();
            townships.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers)
                    .startsWith("机构编码", "机构名称", "常住人口", "在管档案数", "建档率", "规范化电子建档率", "健康档案动态使用率")
                    .contains("纸网一致率", "纸质档案停用进度", "扫描归档进度")
                    .endsWith("最近盘点", "上次盘点缺失（盒）");
            assertThat(townships.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo(county.a().getCode());
            assertThat(townships.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(townships.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(townships.getRow(2).getCell(6).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(townships.getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo(county.b().getCode());
        }
        // a township head's workbook holds their township and its village clinic only
        byte[] own = mvc.perform(as(get("/api/indicators.xlsx"), "head-a"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(own))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo(county.a().getCode());
        }
    }

    @Test
    void the_printed_report_is_pdf_a_in_chinese_with_the_townships_and_their_rates() throws Exception {
        mvc.perform(as(post("/api/indicators/compute"), "county-supervisor")).andExpect(status().isAccepted());
        byte[] pdf = mvc.perform(as(
                        get("/api/indicators.pdf")
                                .param("institution", county.county().getCode()),
                        "county-supervisor"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(PrintedSheets.archival(pdf))
                .contains("绩效考核指标报告", "　甲镇卫生院 — 2 ", "　乙镇卫生院 — 1 ", "100.0%", "北京时间", "填报人")
                .contains("常住人口", "第 1 页 / 共 1 页", "日期：")
                .doesNotContain("Dynamic use", "Page ", "Date");
        mvc.perform(as(
                        get("/api/indicators.pdf")
                                .param("institution", county.b().getCode()),
                        "head-a"))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/api/indicators.pdf"), "archivist-a")).andExpect(status().isForbidden());
    }

    @Test
    void a_county_sets_its_own_targets_for_the_institutions_below_it_and_no_one_else_does() throws Exception {
        mvc.perform(as(
                        get("/api/indicator-targets")
                                .param("institution", county.a().getCode()),
                        "head-a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.figure == 'dynamicUseRate')].target.green")
                        .value(0.6))
                .andExpect(jsonPath("$.items[?(@.figure == 'dynamicUseRate')].isDefault")
                        .value(true));
        String body = "{\"institution\": \"%s\", \"figure\": \"dynamicUseRate\", \"green\": %s, \"amber\": %s}";
        mvc.perform(as(put("/api/indicator-targets"), "head-a")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(county.a().getCode(), "0.9", "0.8")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("target.countyOnly"));
        for (String[] wrong : new String[][] {{"0.5", "0.7"}, {"1.5", "0.5"}, {"0.5", "-0.1"}}) {
            mvc.perform(as(put("/api/indicator-targets"), "county-supervisor")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(county.county().getCode(), wrong[0], wrong[1])))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("target.range"));
        }
        mvc.perform(as(put("/api/indicator-targets"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(county.a().getCode(), "0.9", "0.8")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("target.countyLevel"));
        mvc.perform(as(put("/api/indicator-targets"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(county.county().getCode(), "0.95", "0.9")))
                .andExpect(status().isOk());
        // the township below reads the county's target; another county keeps the default
        mvc.perform(as(
                        get("/api/indicator-targets")
                                .param("institution", county.a().getCode()),
                        "head-a"))
                .andExpect(jsonPath("$.items[?(@.figure == 'dynamicUseRate')].target.green")
                        .value(0.95))
                .andExpect(jsonPath("$.items[?(@.figure == 'dynamicUseRate')].setHere")
                        .value(false))
                .andExpect(jsonPath("$.items[?(@.figure == 'dynamicUseRate')].isDefault")
                        .value(false));
        Fixtures.County other = fixtures.county();
        users.create(
                other.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                other.county().getId(),
                Set.of());
        mvc.perform(get("/api/indicator-targets")
                        .param("institution", other.a().getCode())
                        .with(httpBasic(other.user("head-a"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.items[?(@.figure == 'dynamicUseRate')].target.green")
                        .value(0.6));
        mvc.perform(as(put("/api/indicator-targets"), "county-supervisor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(other.county().getCode(), "0.9", "0.8")))
                .andExpect(status().isNotFound());
    }
}
