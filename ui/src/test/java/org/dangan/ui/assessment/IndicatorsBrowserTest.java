package org.dangan.ui.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The county supervisor's job by clicking (issue 20): open 绩效考核, compute the indicators, read
 * the townships' table, go down to township A and on to the records behind its dynamic-use rate,
 * and download the table as a workbook, which is read back here.
 */
class IndicatorsBrowserTest extends BrowserTest {

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void the_county_supervisor_drills_down_to_the_records_and_downloads_the_workbook() throws Exception {
        Fixtures.County county = fixtures.county();
        HealthRecord served = fixtures.record(county.a(), 1);
        HealthRecord idle = fixtures.record(county.a(), 2);
        fixtures.record(county.b(), 1);
        jdbc.update(
                "update health_record set last_service_date = :day where id = :id",
                new MapSqlParameterSource("day", LocalDate.now(ChinaTime.ZONE).minusDays(500))
                        .addValue("id", idle.getId()));
        String supervisor = county.user("county-supervisor");

        logIn("", supervisor);
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-side-nav-item[path='indicators']"))
                .isEmpty());
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='indicators']"))
                .click();
        waitForText("还没有计算过考核指标");
        assertChineseOnly(supervisor);
        click("indicators-compute");
        waitForText("已重新计算");
        wait.until(d -> byId("indicators-grid").getText().contains("甲镇卫生院"));
        assertThat(byId("indicators-grid").getText()).contains("乙镇卫生院", "50.0%", "100.0%");
        assertThat(byId("indicator-dynamicUseRate").getText()).contains("66.7%", "2 / 3");
        assertChineseOnly(supervisor);

        clickRow("indicators-grid", "甲镇卫生院");
        wait.until(d -> byId("indicators-heading").getText().contains("甲镇卫生院"));
        assertThat(byId("indicators-breadcrumb").getText())
                .contains(county.county().getName(), "甲镇卫生院");
        assertThat(byId("indicator-dynamicUseRate").getText()).contains("50.0%", "1 / 2");
        assertChineseOnly(supervisor);
        click("indicators-records-not-served");
        wait.until(d -> byId("record-grid").getText().contains(idle.getName()));
        assertThat(byId("record-grid").getText()).doesNotContain(served.getName() + "\n");
        assertThat(byId("record-not-served").getText()).contains("以来未服务的在管档案");
        assertChineseOnly(supervisor);
        // the dashboard's condition comes off with one click, and the link leads back to the figure
        click("record-not-served-clear");
        wait.until(d -> byId("record-grid").getText().contains(served.getName()));
        assertThat(byId("record-not-served").isDisplayed()).isFalse();
        click("record-back");
        wait.until(d -> !d.findElements(By.id("indicators-heading")).isEmpty()
                && byId("indicators-heading").getText().contains("甲镇卫生院"));
        driver.get(url("indicators?institution=" + county.county().getCode()));
        HttpResponse<byte[]> file = download(byId("indicators-xlsx").getAttribute("href"));
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            XSSFSheet townships = workbook.getSheet("乡镇卫生院、社区卫生服务中心");
            assertThat(townships).isNotNull();
            List<String> names = new ArrayList<>();
            for (int r = 2; r <= townships.getLastRowNum(); r++) {
                names.add(townships.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(names).containsExactly("甲镇卫生院", "乙镇卫生院");
            assertThat(townships.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(0.5);
        }
    }
}
