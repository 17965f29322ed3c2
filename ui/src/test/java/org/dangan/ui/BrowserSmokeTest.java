package org.dangan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One real browser (Debian's Chromium): log in, open the record list, see a record. */
class BrowserSmokeTest extends BrowserTest {

    @Test
    void an_archivist_logs_in_and_sees_a_record_of_the_township() {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 7);

        driver.get(url("records"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        Cookie before = driver.manage().getCookieNamed("JSESSIONID");
        logIn("records", county.user("archivist-a"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-grid"), record.getRecordNumber()));
        assertThat(driver.findElement(By.id("record-total")).getText()).isEqualTo("共1份档案");
        assertThat(driver.findElement(By.tagName("vaadin-grid")).getText()).contains(record.getMaskedIdNumber());
        // session fixation: the session the login page had is not the one signed in
        assertThat(before).isNotNull();
        assertThat(driver.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(before.getValue());
        assertThat(driver.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
        // the screens work under their content security policy: nothing refused on the way
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }
}
