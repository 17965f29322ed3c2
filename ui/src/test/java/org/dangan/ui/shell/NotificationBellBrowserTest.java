package org.dangan.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** A supervisor with a new task sees it on the bell, opens it and lands on the inbox; the count drops. */
class NotificationBellBrowserTest extends BrowserTest {

    /**
     * The shell's own English (the drawer toggle's label, the connection indicator) is translated on
     * other branches of issue 16 (the inbox's MainLayout, records' ConnectionTexts); drop this once
     * they are merged, so the walk checks every word again.
     */
    @Autowired
    Checkouts checkouts;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_new_task_on_the_bell_leads_to_the_inbox_and_is_then_read() {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        String file = record.getRecordNumber() + "-01";
        registry.store(file, fixtures.box(county.a(), 3).getBarcode());
        UserDetails archivist = users.loadUserByUsername(county.user("archivist-a"));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(archivist, null, archivist.getAuthorities()));
        long checkout;
        try {
            checkout = checkouts
                    .request(new Checkouts.Request(
                            List.of(file),
                            "慢病随访核对",
                            LocalDate.now(ChinaTime.ZONE).plusDays(7)))
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        long notification = jdbc.queryForObject(
                "select id from notification where recipient = ?", Long.class, county.user("head-a"));

        logIn("", county.user("head-a"));
        wait.until(d -> byId("notification-count").isDisplayed()
                && byId("notification-count").getText().equals("1"));
        assertChineseOnly();

        click("notification-bell");
        waitForText("新任务：审批调阅（#" + checkout + "）");
        assertChineseOnly();

        click("notification-" + notification);
        wait.until(d -> d.getCurrentUrl().endsWith("/tasks"));
        byId("task-grid");
        wait.until(d -> !d.findElement(By.id("notification-count")).isDisplayed());
        assertThat(driver.findElements(By.id("notification-dialog")))
                .allSatisfy(d -> assertThat(d.isDisplayed()).isFalse());
        assertChineseOnly();
    }
}
