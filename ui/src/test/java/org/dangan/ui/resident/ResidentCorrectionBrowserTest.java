package org.dangan.ui.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.resident.ResidentCorrection;
import org.dangan.workflow.resident.ResidentCorrections;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident has asked to correct their address (set up as the resident's API would file it);
 * archivist-a opens the request from 我的任务, reads it beside the record, enters the right address
 * and corrects it after the question, by clicking.
 */
class ResidentCorrectionBrowserTest extends BrowserTest {

    @Autowired
    ResidentCorrections corrections;

    @Autowired
    Records records;

    @Autowired
    AsUser asUser;

    @Test
    void archivist_a_answers_a_residents_request_from_the_inbox() {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        long id = ResidentCorrectionPanelTest.filed(
                record, corrections, ResidentCorrection.Field.ADDRESS, "门牌号写错了", "测试路9号");
        String archivist = county.user("archivist-a");

        logIn("tasks", archivist);
        clickRow("task-grid", "居民更正申请 #" + id);
        byId("resident-correction-panel");
        waitForText("门牌号写错了");
        assertThat(byId("resident-correction-heading").getText()).contains(record.getName());
        assertChineseOnly(archivist);
        type("resident-correction-value", "测试路19号");
        click("resident-correction-correct");
        byId("resident-correction-correct-dialog");
        waitForText("1 项");
        assertChineseOnly(archivist);
        WebElement confirm =
                wait.until(d -> d.findElements(By.cssSelector("vaadin-button[slot='confirm-button']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        confirm.click();
        waitForText("已答复更正申请 #" + id);
        wait.until(d -> !byId("task-grid").getText().contains("居民更正申请 #" + id));
        assertChineseOnly(archivist);
        wait.until(ExpectedConditions.invisibilityOf(confirm));
        logOut();

        asUser.login(archivist);
        try {
            assertThat(records.read(record.getRecordNumber()).address()).isEqualTo("测试路19号");
        } finally {
            AsUser.logout();
        }
    }
}
