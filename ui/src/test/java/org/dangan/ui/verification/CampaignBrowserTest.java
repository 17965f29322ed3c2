package org.dangan.ui.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.BoxBarcode;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole campaign through the screens alone, each step by its own person, in Chromium: the
 * county supervisor starts it (a double click makes one), the township archivist fixes one finding
 * by correcting the record and waives another, checks a box of paper and submits; the head returns it
 * once with a reason, the archivist submits again, the head signs (asked first);
 * the county checker judges the sample with the keyboard and passes the rest; the city accepts; the
 * checker signs off, told how many files are retired; the report shows the frozen figures. Only the
 * engine's background jobs are run by the test, as the job executor would.
 */
class CampaignBrowserTest extends BrowserTest {

    @Autowired
    ManagementService management;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_campaign_from_start_to_sign_off_by_clicking() {
        Fixtures.County county = fixtures.county();
        BoxBarcode barcode = fixtures.box(county.a(), 1).getBarcode();
        for (int serial = 1; serial <= 31; serial++) {
            HealthRecord r = fixtures.record(county.a(), serial);
            registry.store(r.getRecordNumber() + "-01", barcode);
        }
        // an ID number whose birth date is not the record's: fixed by typing the right one
        LocalDate born = LocalDate.of(1950, 3, 7);
        String division = county.a().getCode().substring(0, 6);
        HealthRecord wrongId = registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00100401"),
                        "王错号",
                        Gender.MALE,
                        born,
                        Fixtures.idNumber(division, born.plusYears(1), Gender.MALE, 401),
                        county.a().getId())
                .contact("13800000000", "甲镇")
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusDays(30)));
        // a child tagged elderly: waived with a reason
        LocalDate child = LocalDate.now(ChinaTime.ZONE).minusYears(4);
        registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00299999"),
                        "小明",
                        Gender.MALE,
                        child,
                        Fixtures.idNumber(division, child, Gender.MALE, 77),
                        county.a().getId())
                .tagged(Set.of(KeyPopulation.ELDERLY))
                .contact("13800000000", "甲镇")
                .servedOn(LocalDate.now(ChinaTime.ZONE)));
        // not served for six years: left open, so the submit asks first
        registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "00100402"),
                        "李久未",
                        Gender.FEMALE,
                        born,
                        Fixtures.idNumber(division, born, Gender.FEMALE, 402),
                        county.a().getId())
                .contact("13800000000", "甲镇")
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusYears(6)));
        // the user names, and two texts of the shell that are not the campaign's (the drawer toggle's
        // label and the connection indicator; the shell is being translated on its own)
        String[] users = {
            county.user("county-supervisor"),
            county.user("archivist-a"),
            county.user("head-a"),
            county.user("county-checker"),
            county.user("city-supervisor"),
            "Toggle navigation panel",
            "Online"
        };

        // the county supervisor starts it, confirming what starts; a double click asks once and
        // starts one campaign
        logIn("campaigns", county.user("county-supervisor"));
        WebElement which = byId("campaign-institutions");
        which.findElement(By.cssSelector("input")).sendKeys(county.a().getName());
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))
                .isEmpty());
        driver.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(i -> i.getText().contains(county.a().getName()))
                .findFirst()
                .orElseThrow()
                .click();
        which.findElement(By.cssSelector("input")).sendKeys(Keys.ESCAPE);
        new Actions(driver).doubleClick(byId("start-campaign")).perform();
        waitForText("将为 1 家机构（" + county.a().getName() + "）发起核查");
        confirm();
        waitForText("已发起核查活动");
        assertChineseOnly(users);
        assertThat(jdbc.queryForObject(
                        "select count(*) from campaign_institution where institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isOne();
        String process = jdbc.queryForObject(
                "select c.process_instance_id from verification_campaign c join"
                        + " campaign_institution i on i.campaign_id = c.id where i.institution_id = ?",
                String.class,
                county.a().getId());
        runJobs(process);
        logOut();

        // the archivist fixes one finding by correcting the record and waives the other
        logIn("tasks", county.user("archivist-a"));
        clickRow("task-grid", "机构自查");
        clickRow("finding-grid", "王错号");
        assertThat(byId("finding-grid").getSize().getWidth())
                .as("finding list width at 1440")
                .isGreaterThan(300);
        wait.until(d -> byId("finding-record").getText().contains("王错号"));
        type("record-id-number", Fixtures.idNumber(division, born, Gender.MALE, 401));
        click("correct-record");
        waitForText("已纠正 1 个问题");
        wait.until(d -> !byId("finding-grid").getText().contains("王错号"));
        rowCheckbox("finding-grid", "小明").click();
        choose("waiver-kind", "其他（须写说明）");
        type("waiver-reason", "家属确认为老年人代管档案");
        click("waive-selected");
        waitForText("已豁免 1 项问题");
        // the waived list shows its reason inside the list at 1440 px, not beyond a sideways scroll
        choose("finding-status", "已豁免");
        By reasonCell = By.xpath("//vaadin-grid-cell-content[contains(., '其他：家属确认为老年人代管档案')]");
        wait.until(d -> d.findElements(reasonCell).stream().anyMatch(WebElement::isDisplayed));
        Rectangle cell = driver.findElements(reasonCell).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow()
                .getRect();
        Rectangle list = byId("finding-grid").getRect();
        assertThat(cell.getX() + cell.getWidth())
                .as("reason cell's right edge")
                .isLessThanOrEqualTo(list.getX() + list.getWidth());
        // a box of paper: scanned, every file listed, one exception, the rest agree
        type("paper-box", barcode.value());
        waitForText("31 份纸质档案");
        clickRow("paper-grid", county.a().getCode() + "00100001-01");
        click("paper-signatures");
        click("record-paper-check");
        waitForText("的核对结果");
        click("paper-rest-agree");
        waitForText("已将 30 份纸质档案记为一致");
        assertChineseOnly(users);
        clickAndConfirm("complete-task", "submit-confirm", "还有 1 项问题未处理");
        waitForText("已办结");
        logOut();

        // the head returns it once with a reason, and is told so
        logIn("tasks", county.user("head-a"));
        clickRow("task-grid", "负责人签认自查");
        waitForText("长期未更新：1 项");
        type("head-return-reason", "纸质档案请再核一遍");
        click("head-return");
        waitForText("已退回自查：核查活动 #");
        logOut();

        // the archivist reads the reason in red on the self-check, and submits again
        logIn("tasks", county.user("archivist-a"));
        clickRow("task-grid", "机构自查");
        waitForText("第 1 轮，需整改：负责人退回：纸质档案请再核一遍");
        clickAndConfirm("complete-task", "submit-confirm", "还有 1 项问题未处理");
        waitForText("已办结");
        logOut();

        // the head sees the return as history, the open finding by rule and the paper check, and signs, asked first
        logIn("tasks", county.user("head-a"));
        clickRow("task-grid", "负责人签认自查");
        waitForText("第 1 轮曾退回：负责人退回：纸质档案请再核一遍");
        // the waiver signed for, its note withheld from a head without the restricted-documents permission
        waitForText("其他（另有说明，您无权查看）");
        assertThat(pageText()).doesNotContain("需整改").contains("长期未更新：1 项").contains("已核对 31/");
        assertChineseOnly(users);
        clickAndConfirm("complete-task", "head-sign-off-confirm", "还有 1 项问题未处理", "签认后自查结束，交县级抽查");
        waitForText("已办结");
        runJobs(process);
        logOut();

        // the county checker judges with the keyboard, then passes the rest after a confirmation
        logIn("tasks", county.user("county-checker"));
        clickRow("task-grid", "县级抽查");
        waitForText("已判 0/");
        assertThat(pageText()).doesNotContain("需整改").contains("第 1 轮曾退回");
        WebElement first = byId("sample-grid").findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().startsWith(county.a().getCode()))
                .findFirst()
                .orElseThrow();
        first.click();
        new Actions(driver).sendKeys("1").perform();
        waitForText("已判 1/");
        assertChineseOnly(users);
        clickAndConfirm("sample-rest-pass", "sample-rest-confirm", "将把尚未判定的");
        wait.until(d -> pageText().matches("(?s).*已判 (\\d+)/\\1.*"));
        click("complete-task");
        waitForText("已办结");
        runJobs(process);
        logOut();

        // the city accepts
        logIn("tasks", county.user("city-supervisor"));
        clickRow("task-grid", "市级验收");
        assertChineseOnly(users);
        clickAndConfirm("accept-campaign", "accept-confirm", "验收后报告的数字冻结，不再改变", "份档案，抽查差错率");
        waitForText("已办结");
        logOut();

        // the checker signs off, told the number first
        logIn("tasks", county.user("county-checker"));
        clickRow("task-grid", "核对人员签字");
        waitForText("签字后将停用并装盒");
        assertChineseOnly(users);
        // 31 paper files: the one found without its signatures is held back
        clickAndConfirm("complete-task", "sign-off-confirm", "将停用并装盒 30 份纸质档案", "纸网核对不一致 1 份");
        waitForText("已办结");
        runJobs(process);
        logOut();

        // the report shows the frozen figures
        logIn("campaigns", county.user("county-supervisor"));
        clickRow("campaign-grid", "已完成");
        waitForText("市级验收时锁定");
        assertThat(pageText()).contains("已签字纸质档案 30").contains("已通过 · 第 1 轮").doesNotContain("(1)");
        assertChineseOnly(users);
        assertThat(wrongId.getId()).isNotNull();
    }

    /** The selection checkbox of the row showing the text (a locator: the click is the user's). */
    private WebElement rowCheckbox(String gridId, String text) {
        wait.until(d -> byId(gridId).getText().contains(text));
        return (WebElement) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                for (const c of grid.querySelectorAll('vaadin-grid-cell-content')) {
                  if (c.textContent.includes(arguments[1]) && c.assignedSlot) {
                    const row = c.assignedSlot.parentElement.parentElement;
                    const slot = row.querySelector('slot').getAttribute('name');
                    return grid.querySelector('vaadin-grid-cell-content[slot="' + slot + '"] vaadin-checkbox');
                  }
                }
                return null;""", gridId, text);
    }

    /** Clicks the button, reads the confirmation it opens (the consequence in numbers) and confirms. */
    private void clickAndConfirm(String buttonId, String dialogId, String... says) {
        click(buttonId);
        byId(dialogId);
        wait.until(d -> Arrays.stream(says).allMatch(pageText()::contains));
        WebElement button =
                wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        button.click();
        wait.until(ExpectedConditions.invisibilityOf(button));
    }

    private void runJobs(String process) {
        for (var jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list();
                !jobs.isEmpty();
                jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }
}
