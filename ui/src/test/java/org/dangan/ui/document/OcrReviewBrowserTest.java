package org.dangan.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.document.DocumentJobs;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Scans;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An archivist's scanning job by clicking: picks the resident by name, uploads a poor scan, reviews
 * the recognised text in the review panel opened from the scan, and then a searcher finds the
 * scan with the resident's name beside the number; the resident's page lists it, and the auditor
 * reads what happened in sentences. Every page in Chinese only.
 * <p>
 * What the application does in the background is done here by the test thread, as its workers
 * would (the test configuration turns them off): the engine's recognition jobs and the search
 * outbox.
 */
class OcrReviewBrowserTest extends BrowserTest {

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchIndex index;

    @Test
    void an_archivist_uploads_for_a_resident_picked_by_name_reviews_the_text_and_the_scan_is_found() throws Exception {
        Fixtures.County county = fixtures.county();
        HealthRecord resident = fixtures.record(county.a(), 1);
        String[] users = {county.user("archivist-a"), county.user("searcher-a"), county.user("auditor")};
        Path scan = Files.createTempDirectory("scans").resolve("化验单.png");
        Files.write(scan, Scans.fuzzy());

        logIn("documents", county.user("archivist-a"));
        byId("documents-empty");
        assertChineseOnly(users);
        pickResident("document-record", resident.getName());
        WebElement file = (WebElement) ((JavascriptExecutor) driver)
                .executeScript(
                        "return arguments[0].shadowRoot ? arguments[0].shadowRoot.querySelector('input[type=file]')"
                                + " || arguments[0].querySelector('input[type=file]') : arguments[0].querySelector('input[type=file]')",
                        byId("document-upload"));
        file.sendKeys(scan.toString());
        waitForText(resident.getName() + " · " + resident.getRecordNumber());
        assertChineseOnly(users);

        long id = jdbc.queryForObject(
                "select max(id) from scanned_document where record_number = ?", Long.class, resident.getRecordNumber());
        recognise(id);
        assertThat(state(id)).isEqualTo("REVIEW");
        waitForText("待校对"); // the list follows the recognition by itself

        clickRow("document-grid", resident.getName());
        click("open-review");
        byId("text-review");
        waitForText(resident.getName() + " · " + resident.getRecordNumber());
        assertChineseOnly(users);
        type("page-text-1", "血常规检验报告单 白细胞计数 6.2 校对后");
        click("finish-review");
        wait.until(d -> byId("document-state").getText().equals("已归档"));
        assertThat(state(id)).isEqualTo("ARCHIVED");
        assertThat(jdbc.queryForObject(
                        "select page_text from document_page where document_id = ? and page_number = 1",
                        String.class,
                        id))
                .isEqualTo("血常规检验报告单 白细胞计数 6.2 校对后");
        assertChineseOnly(users);

        // the resident's page lists the scan
        menu("records");
        clickRow("record-grid", resident.getName());
        byId("record-scans");
        waitForText("#" + id);
        assertChineseOnly(users);

        index.drain();
        logOut();
        logIn("search", county.user("searcher-a"));
        type("search-q", "校对后");
        click("search-go");
        wait.until(
                d -> byId("search-hit-0").getText().contains(resident.getName() + " · " + resident.getRecordNumber()));
        assertThat(byId("search-hits").getText()).contains("甲镇卫生院");
        assertChineseOnly(users);

        logOut();
        logIn("audit", county.user("auditor"));
        byId("audit-grid");
        waitForText("校对了扫描件 #" + id);
        assertChineseOnly(users);

        // an address that leads nowhere answers in Chinese
        driver.get(url("no-such-screen"));
        byId("not-found");
        assertChineseOnly(users);
    }

    /** Types part of the resident's name into the picker and takes the first suggestion, as a person does. */
    private void pickResident(String id, String name) {
        WebElement input = byId(id).findElement(By.cssSelector("input"));
        input.sendKeys(name);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript(
                        "const c = document.getElementById(arguments[0]); return c.opened && !c.loading"
                                + " && (c.filteredItems || []).some(i => i && i.label && i.label.indexOf(arguments[1]) >= 0)",
                        id,
                        name)));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(d -> input.getAttribute("value").startsWith(name + " · "));
    }

    /** Clicks the menu entry of the screen. */
    private void menu(String path) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-side-nav-item[path='" + path + "']")))
                .click();
    }

    private void recognise(long id) {
        DocumentJobs.recognise(management, jdbc, id);
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from scanned_document where id = ?", String.class, id);
    }
}
