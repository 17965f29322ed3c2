package org.dangan.ui.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A township merges into its neighbour, through the screens alone: the county supervisor records
 * it, the receiving archivist scans the boxes delivered, the giving head approves after reading
 * what will happen, and the receiver sees the archive arrived.
 */
class HandoverBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_handover_is_started_checked_and_approved_by_clicking() {
        Fixtures.County county = fixtures.county();
        List<Box> boxes = List.of(fixtures.box(county.b(), 1), fixtures.box(county.b(), 2));
        fixtures.record(county.b(), 1);
        String[] names = {county.user("county-supervisor"), county.user("archivist-a"), county.user("head-b")};

        logIn("handovers", county.user("county-supervisor"));
        byId("handover-start");
        assertNoSidewaysScroll();
        choose("handover-from", county.b().getName());
        choose("handover-to", county.a().getName());
        type("handover-reason", "乙镇卫生院并入甲镇卫生院");
        click("handover-start");
        waitForText("待接收方核对");
        assertThat(byId("handovers-grid").getText()).contains("乙镇卫生院 → 甲镇卫生院");
        assertNoSidewaysScroll();
        assertChineseOnly(names);
        logOut();

        logIn("handovers", county.user("archivist-a"));
        assertThat(driver.findElements(By.id("handover-start")).stream().noneMatch(WebElement::isDisplayed))
                .as("an archivist does not start handovers")
                .isTrue();
        clickRow("handovers-grid", "乙镇卫生院");
        for (Box box : boxes) {
            scan(box.getBarcode().value());
        }
        waitForText("已扫描 2 盒");
        assertThat(byId("handover-scans").findElements(By.className("scan-answer")))
                .hasSize(2);
        assertChineseOnly(names);
        click("handover-check");
        waitForText("已提交移交");
        waitForText("待审批");
        assertChineseOnly(names);
        logOut();

        logIn("handovers", county.user("head-b"));
        clickRow("handovers-grid", "乙镇卫生院");
        click("handover-approve");
        // the dialog says what approving does, in numbers, before anything happens
        waitForText("将被停用");
        assertThat(pageText()).contains("1 份健康档案、1 份纸质档案（2 盒）将移交给甲镇卫生院");
        assertChineseOnly(names);
        confirm();
        waitForText("已批准移交");
        waitForText("已合并");
        assertChineseOnly(names);
        logOut();

        logIn("handovers", county.user("archivist-a"));
        waitForText("已移交");
        assertChineseOnly(names);
        assertThat(jdbc.queryForObject(
                        "select count(*) from box where institution_id = ?",
                        Integer.class,
                        county.a().getId()))
                .isEqualTo(2);
    }

    /** A hand scanner: the label's code, then Enter. */
    private void scan(String code) {
        int before =
                byId("handover-scans").findElements(By.className("scan-answer")).size();
        WebElement input = byId("handover-scan").findElement(By.cssSelector("input"));
        input.sendKeys(code, Keys.ENTER);
        wait.until(d ->
                byId("handover-scans").findElements(By.className("scan-answer")).size() > before);
    }
}
