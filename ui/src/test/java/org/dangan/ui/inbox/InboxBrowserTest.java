package org.dangan.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The archivist asks for a paper file in the check-out screen; the head of the township sees the
 * count in the menu, opens 我的任务, approves the check-out there and sees it done; then the shell
 * on a phone: every control reachable, nothing scrolling sideways.
 */
class InboxBrowserTest extends BrowserTest {

    @Autowired
    RegistryAdministration registry;

    @Test
    void a_check_out_requested_by_clicking_is_approved_from_the_heads_inbox() {
        Fixtures.County county = fixtures.county();
        String file = fixtures.record(county.a(), 1).getRecordNumber() + "-01";
        registry.store(file, fixtures.box(county.a(), 7).getBarcode());
        String archivist = county.user("archivist-a");
        String head = county.user("head-a");

        logIn("checkouts", archivist);
        WebElement scan = byId("checkout-scan").findElement(By.cssSelector("input"));
        scan.sendKeys(file + Keys.ENTER);
        wait.until(d -> byId("checkout-files").getText().contains(file));
        type("checkout-purpose", "医疗纠纷核查");
        // typed as the picker shows a day (yyyy-MM-dd); Enter commits it and closes the overlay, which hides the page
        // from clicks
        byId("checkout-until")
                .findElement(By.cssSelector("input"))
                .sendKeys(LocalDate.now(ChinaTime.ZONE).plusDays(7).format(DateTimeFormatter.ISO_LOCAL_DATE)
                        + Keys.ENTER);
        wait.until(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-date-picker-overlay[opened]")));
        click("checkout-request");
        wait.until(d -> byId("checkout-status").getText().contains("已提出"));
        String status = byId("checkout-status").getText();
        String number = status.replaceAll("\\D+", " ").trim().split(" ")[0];
        assertChineseOnly(archivist);
        logOut();

        logIn("", head);
        wait.until(d ->
                byId("task-count").isDisplayed() && byId("task-count").getText().equals("1"));
        assertChineseOnly(head);
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='tasks']")).click();
        clickRow("task-grid", "调阅 #" + number);
        byId("checkout-task-approve");
        waitForText("甲镇卫生院");
        assertThat(byId("checkout-task-files").getText()).contains(file).contains("测试1");
        assertChineseOnly(head, archivist);
        click("checkout-task-approve");
        waitForText("已批准调阅 #" + number);
        wait.until(d -> !byId("task-grid").getText().contains("调阅 #" + number));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("task-count")));
        assertChineseOnly(head, archivist);
        assertNoSidewaysScroll();

        // the shell on a phone
        resize(390, 844);
        driver.navigate().refresh();
        wait.until(d -> byId("current-user").getText().equals("甲院长"));
        assertNoSidewaysScroll();
        for (String control : new String[] {"current-user", "language", "logout"}) {
            assertThat(byId(control).isDisplayed()).as(control).isTrue();
            assertThat(byId(control).getRect().getX() + byId(control).getRect().getWidth())
                    .as(control)
                    .isLessThanOrEqualTo(390);
        }
        click("menu-toggle");
        wait.until(d -> driver.findElement(By.cssSelector("vaadin-side-nav-item[path='tasks']"))
                .isDisplayed());
        assertChineseOnly(head, archivist);
        // on a phone the menu lies over the page and closes once a view is chosen
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='tasks']")).click();
        wait.until(d -> driver.findElement(By.cssSelector("vaadin-app-layout")).getAttribute("drawer-opened") == null);
        logOut();
    }
}
