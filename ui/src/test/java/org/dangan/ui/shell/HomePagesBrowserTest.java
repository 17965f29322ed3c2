package org.dangan.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.dangan.ui.support.BrowserTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.Dashboards;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16, item 7 and "Done means": each role's home page in a real browser, at a desk (1440 px)
 * and on a phone (390 px): its own parts with figures, in Chinese only, nothing scrolling sideways,
 * the charts drawn under the content security policy. With {@code -Ddangan.screens=DIR} it leaves
 * the screenshots of docs/screens there.
 */
class HomePagesBrowserTest extends BrowserTest {

    @Autowired
    Dashboards dashboards;

    @Autowired
    UserAccounts users;

    record Visit(String role, String user, List<String> parts, List<String> texts, String... words) {

        String[] allowed() {
            return words;
        }
    }

    @Test
    void each_role_finds_its_own_home_page_at_a_desk_and_on_a_phone() throws Exception {
        Fixtures.County county = fixtures.county();
        long campaign = dashboards.campaign(county);
        HealthRecord scanned = fixtures.record(county.a(), 1);
        dashboards.scans(
                scanned,
                new int[] {12, 0},
                new int[] {30, 1},
                new int[] {18, 2},
                new int[] {25, 4},
                new int[] {40, 5},
                new int[] {22, 7},
                new int[] {15, 9},
                new int[] {33, 12});
        dashboards.overdueCheckout(county.a(), county.user("archivist-a"), scanned, 6);
        dashboards.overdueCheckout(county.a(), county.user("head-a"), fixtures.record(county.a(), 2), 2);
        dashboards.dueForDisposal(county.a(), 3, 3);
        dashboards.dueForDisposal(county.a(), 4, 4);
        dashboards.dueForDisposal(county.b(), 5, 5);
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "系统管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
        String findings = "home-campaign-" + campaign + "-findings";
        String rates = "home-campaign-" + campaign + "-rates";

        List<Visit> visits = List.of(
                new Visit(
                        "archivist",
                        "archivist-a",
                        List.of("home-tasks", "home-pages-per-day", "home-overdue"),
                        List.of(
                                "机构自查",
                                "核查活动 #" + campaign,
                                "还有 30 天",
                                "每日识别页数",
                                "等待校对",
                                "甲档案员",
                                "已逾期 6 天",
                                "甲镇卫生院：2 份")),
                new Visit(
                        "supervisor",
                        "county-supervisor",
                        List.of("home-tasks", findings, rates, "home-overdue"),
                        List.of("核查活动进度", "甲镇卫生院", "乙镇卫生院", "已纠正", "未处理", "允许上限 5.0%", "10.0%", "乙镇卫生院：1 份")),
                new Visit(
                        "county-checker",
                        "county-checker",
                        List.of(findings, rates, "home-pages-per-day"),
                        List.of("核查活动进度", "扫描与文字识别", "纸质档案保管")),
                new Visit(
                        "searcher",
                        "searcher-a",
                        List.of("home-tasks", "home-pages-per-day"),
                        List.of("扫描与文字识别", "目前没有待办任务")),
                new Visit("auditor", "auditor", List.of("home-tasks", "home-links"), List.of("查看审计日志", "查看保管记录")),
                new Visit(
                        "admin",
                        "admin",
                        List.of("home-tasks", "home-links"),
                        List.of("运维：备份与系统状态", "检索索引"),
                        // the menu names the engine's own console by its product name
                        "Camunda"));

        for (Visit visit : visits) {
            resize(1440, 900);
            logIn("", county.user(visit.user()));
            visit.parts().forEach(this::byId);
            for (String text : visit.texts()) {
                waitForText(text);
            }
            assertThat(pageText()).as(visit.role()).doesNotContain("!home.");
            assertChineseOnly(visit.allowed());
            assertNoSidewaysScroll();
            shoot("home-" + visit.role() + "-1440", 1440);

            // a phone loads the page at its width: the shell is compact from the start
            resize(390, 844);
            driver.navigate().refresh();
            visit.parts().forEach(this::byId);
            wait.until(d -> phoneLaidOut());
            wait.until(d -> byId("app-title").getText().equals("档案"));
            assertThat(
                            (Boolean)
                                    ((JavascriptExecutor) driver)
                                            .executeScript(
                                                    "const t = document.getElementById('app-title'); return t.scrollWidth <= t.clientWidth"))
                    .as("the short title is shown whole, not cut to an ellipsis")
                    .isTrue();
            for (String control : new String[] {"current-user", "language", "logout"}) {
                assertThat(byId(control).getRect().getX()
                                + byId(control).getRect().getWidth())
                        .as(control)
                        .isLessThanOrEqualTo(390 - 4);
            }
            assertChineseOnly(visit.allowed());
            assertNoSidewaysScroll();
            shoot("home-" + visit.role() + "-390", 390);
            logOut();
        }
        assertThat(pageText()).doesNotContain("!home.");
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }

    /** The page has taken the phone's width: the home view is no wider than the window. */
    private boolean phoneLaidOut() {
        Object width = ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('home').getBoundingClientRect().right");
        return ((Number) width).doubleValue() <= 390;
    }

    /** The whole home page in one picture: the window made as tall as the page (at most 2,400 px), then back. */
    private void shoot(String name, int width) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // the development-mode tools are no part of the application (production has none)
        js.executeScript("""
                document.querySelectorAll('body *').forEach(e => {
                  if (/^(VAADIN-DEV|COPILOT)/.test(e.tagName)) e.style.display = 'none'; })""");
        int normal = width > 400 ? 900 : 844;
        int height = normal;
        // a taller window lays the page out again: measure until the page fits
        for (int round = 0; round < 3; round++) {
            Object bottom = js.executeScript("""
                    const parts = Array.from(document.querySelectorAll('#home > *'))
                        .map(e => e.getBoundingClientRect().bottom + window.scrollY);
                    return Math.ceil(Math.max(document.documentElement.scrollHeight, ...parts))""");
            // headless Chromium's window is taller than its page by the height of its (invisible) bars
            int bars = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).intValue();
            int wanted = Math.min(2400, Math.max(normal, ((Number) bottom).intValue() + 16 + bars));
            if (wanted <= height) {
                break;
            }
            height = wanted;
            resize(width, height);
        }
        wait.until(d -> driver.findElement(By.id("home")).isDisplayed());
        screenshot(name);
        resize(width, normal);
    }
}
