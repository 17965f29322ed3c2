package org.dangan.ui.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Residents;
import org.dangan.workflow.support.Residents.Resident;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19's "done means" on a phone (360 x 740), by clicking: a pilot resident signs in with the
 * code the tests' SMS gateway got, reads their record, reports and who read it, and asks to correct
 * their address; archivist-a, in a session of their own, answers it from 我的任务; the resident's
 * page, reloaded, shows the answer.
 */
class ResidentSiteBrowserTest extends BrowserTest {

    @Autowired
    Residents residents;

    @Autowired
    ArchivedDocuments archived;

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AsUser asUser;

    @Autowired
    Records records;

    /**
     * Clicks like {@link #click}. At phone width the development mode's tools (copilot, absent from
     * a production build) lay a layer over the middle of the page; it is hidden first.
     */
    private void tap(String id) {
        ((JavascriptExecutor) driver)
                .executeScript("document.querySelectorAll('copilot-main').forEach(e => e.style.display = 'none')");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    byId(id).click();
                    return true;
                });
    }

    @Test
    void a_pilot_resident_reads_their_record_and_gets_a_correction_answered_by_archivist_a() {
        ResidentSiteTest.forgetLocalCodes(jdbc);
        Fixtures.County county = fixtures.county();
        residents.openPilotTo(county.a());
        Resident resident = residents.register(county.a(), 1);
        long report = ResidentSiteTest.withPdf(
                files, jdbc, archived.archive(resident.record(), DocumentType.HEALTH_EXAM, "体检"));
        String archivist = county.user("archivist-a");
        asUser.login(archivist);
        try {
            records.read(resident.record().getRecordNumber());
        } finally {
            AsUser.logout();
        }

        resize(360, 740);
        driver.get(url("resident"));
        type("resident-id-number", resident.idNumber());
        type("resident-phone", resident.phone());
        tap("resident-request-code");
        waitForText("验证码已发送");
        assertChineseOnly(resident.idNumber());
        assertNoSidewaysScroll();
        type("resident-code", residents.lastCode(resident));
        tap("resident-sign-in-button");

        byId("resident-basics");
        waitForText(resident.record().getName());
        assertThat(byId("resident-reports").getText()).contains("健康体检表");
        byId("resident-report-view-" + report);
        assertThat(byId("resident-access").getText()).contains(county.a().getName(), "档案员");
        assertThat(pageText()).doesNotContain(resident.phone(), resident.idNumber());
        assertChineseOnly();
        assertNoSidewaysScroll();

        tap("resident-request-field");
        WebElement address = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().contains("地址"))
                .findFirst()
                .orElse(null));
        address.click();
        type("resident-request-note", "门牌号写错了");
        type("resident-request-value", "测试路19号");
        tap("resident-request-submit");
        waitForText("已提交，待卫生院核对");
        assertChineseOnly();
        assertNoSidewaysScroll();
        WebElement filed = wait.until(d -> d.findElements(By.cssSelector("[id^='resident-request-']")).stream()
                .filter(e -> e.getAttribute("id").matches("resident-request-\\d+"))
                .findFirst()
                .orElse(null));
        String id = filed.getAttribute("id").substring("resident-request-".length());
        Set<Cookie> residentSession = driver.manage().getCookies();

        // archivist-a in a browser session of their own
        driver.manage().deleteAllCookies();
        resize(1440, 900);
        logIn("tasks", archivist);
        clickRow("task-grid", "居民更正申请 #" + id);
        waitForText("门牌号写错了");
        assertChineseOnly(archivist);
        type("resident-correction-value", "测试路19号");
        tap("resident-correction-correct");
        byId("resident-correction-correct-dialog");
        WebElement confirm =
                wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        confirm.click();
        waitForText("已答复更正申请 #" + id);
        wait.until(ExpectedConditions.invisibilityOf(confirm));

        // back in the resident's session, the page reloaded
        driver.manage().deleteAllCookies();
        residentSession.forEach(c -> driver.manage().addCookie(c));
        resize(360, 740);
        driver.get(url("resident/me"));
        byId("resident-request-" + id);
        waitForText("已更正");
        assertThat(byId("resident-request-" + id).getText()).contains("测试路19号", "已更正");
        assertChineseOnly();
        assertNoSidewaysScroll();
    }
}
