package org.dangan.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.storage.BoxBarcode;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16, items 9, 15 and 16: the paper screens on a phone (390 x 844, each page loaded at that
 * width as a phone loads it) and at a desk (1440 px): no form, panel or page wider than the window,
 * nothing scrolling sideways, Chinese only; the custody ledger names people and institutions, not
 * login names and codes; the inbox stacks the list above the task on a phone.
 */
class PhoneLayoutBrowserTest extends BrowserTest {

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Checkouts checkouts;

    @Autowired
    UserAccounts users;

    @Autowired
    AsUser asUser;

    @Autowired
    Inbox inbox;

    @Autowired
    ManagementService management;

    private final List<String> failures = new ArrayList<>();
    private String lentBox;

    /** A page, the element that shows it has been drawn, and the names it may show in Latin letters. */
    record Page(String route, String shownBy, String... allowed) {}

    @Test
    void the_paper_screens_fit_a_phone_and_a_desk_and_name_people_and_places() {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        String file = record.getRecordNumber() + "-01";
        String lent = fixtures.record(county.a(), 2).getRecordNumber() + "-01";
        String archivist = county.user("archivist-a");
        String box = fixtures.box(county.a(), 7).getBarcode().value();
        // the archivist shelves the files (the ledger then names her as who acted) and asks for one,
        // which her head approves: the ledger says why it went out, in the archivist's own words
        asUser.login(archivist);
        long approved;
        String approvedProcess;
        try {
            registry.store(file, new BoxBarcode(box));
            lentBox = fixtures.box(county.a(), 8).getBarcode().value();
            registry.store(lent, new BoxBarcode(lentBox));
            Checkouts.Started started = checkouts.request(new Checkouts.Request(
                    List.of(file), "县级抽查复核", LocalDate.now(ChinaTime.ZONE).plusDays(7)));
            approved = started.id();
            approvedProcess = started.processInstanceId();
        } finally {
            AsUser.logout();
        }
        asUser.login(county.user("head-a"));
        try {
            inbox.mine().forEach(task -> inbox.complete(task.taskId(), Map.of("approved", true)));
        } finally {
            AsUser.logout();
        }
        // this check-out's jobs only: the database may hold other tests' processes, whose jobs are theirs
        for (var jobs = management
                        .createJobQuery()
                        .processInstanceId(approvedProcess)
                        .executable()
                        .list();
                !jobs.isEmpty();
                jobs = management
                        .createJobQuery()
                        .processInstanceId(approvedProcess)
                        .executable()
                        .list()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        // the one the head opens in her inbox
        long checkout;
        asUser.login(archivist);
        try {
            checkout = checkouts
                    .request(new Checkouts.Request(
                            List.of(lent),
                            "医疗纠纷核查",
                            LocalDate.now(ChinaTime.ZONE).plusDays(7)))
                    .id();
        } finally {
            AsUser.logout();
        }
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "系统管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());

        try {
            walk(county, record, file, lent, box, approved, checkout);
        } catch (RuntimeException | AssertionError e) {
            // what the walk saw before it stopped: the pages that did not fit, and the screen it stopped on
            throw new AssertionError(
                    String.join("\n", failures) + "\n--- on " + driver.getCurrentUrl() + ":\n" + pageText(), e);
        }
        assertThat(failures).isEmpty();
    }

    private void walk(
            Fixtures.County county,
            HealthRecord record,
            String file,
            String lent,
            String box,
            long approved,
            long checkout) {
        String archivist = county.user("archivist-a");
        // the township's code standing alone (file numbers begin with it)
        String code = "(?m)(^|\\s)" + county.a().getCode() + "($|\\s)";
        for (int width : new int[] {390, 1440}) {
            resize(width, width < 640 ? 844 : 900);
            logIn("checkouts", archivist);
            for (Page page : List.of(
                    new Page("checkouts", "checkout-scan"),
                    new Page("search", "search-q"),
                    new Page("transfers", "transfer-record"),
                    new Page("locations", "locations-scan"),
                    new Page("stocktake", "stocktake-room"),
                    new Page("record/" + record.getRecordNumber(), "record-custody"),
                    new Page("import", "import-template", "Excel", "xlsx"),
                    new Page("records", "record-grid"),
                    new Page("custody", "custody-scan"))) {
                visit(page, width);
            }
            // a file looked up by its label: who by name, where by institution, shelf and box, why in words
            byId("custody-scan").findElement(By.cssSelector("input")).sendKeys(file + Keys.ENTER);
            wait.until(d -> byId("custody-events").getText().contains("调阅 #" + approved + "：县级抽查复核"));
            String ledger = byId("custody-events").getText();
            assertThat(ledger)
                    .contains("甲档案员", "甲镇卫生院", "系统", "登记", "档案盒 " + box)
                    .doesNotContain(archivist, "registered", "system", "check-out")
                    .doesNotContainPattern(code);
            assertThat(byId("custody-place").getText()).contains("不在架上");
            WebElement scan = byId("custody-scan").findElement(By.cssSelector("input"));
            scan.clear();
            scan.sendKeys(lent + Keys.ENTER);
            wait.until(d -> byId("custody-place").getText().equals("现在位置：甲镇卫生院 / 档案室 / 1号架 · 档案盒 " + lentBox));
            fits(width);

            // the record page's custody and who read it, by name
            driver.get(url("record/" + record.getRecordNumber()));
            wait.until(d -> byId("record-custody").getText().contains("甲档案员"));
            assertThat(byId("record-custody").getText())
                    .contains("甲镇卫生院")
                    .doesNotContain(archivist)
                    .doesNotContainPattern(code);
            wait.until(d -> byId("record-trail").getText().contains("甲档案员"));
            assertThat(byId("record-trail").getText()).doesNotContain(archivist);
            logOut();

            // the head opens the check-out from her inbox: on a phone the list stands above the panel
            logIn("tasks", county.user("head-a"));
            String orientation = width < 640 ? "vertical" : "horizontal";
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-split-layout[orientation='" + orientation + "']"))
                    .isEmpty());
            clickRow("task-grid", "调阅 #" + checkout);
            wait.until(d -> byId("checkout-task-files").getText().contains(lent));
            waitForText("甲档案员");
            assertThat(pageText()).doesNotContain(archivist);
            if (width < 640) {
                assertThat(byId("task-detail").getRect().getY())
                        .as("the panel below the list")
                        .isGreaterThan(byId("task-grid").getRect().getY()
                                + byId("task-grid").getRect().getHeight()
                                - 1);
            } else {
                // every column of the list shows beside the panel, 期限 (the due day) the last
                WebElement due = byId("task-grid").findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                        .filter(c -> c.getText().equals("期限"))
                        .findFirst()
                        .orElseThrow();
                assertThat(due.getRect().getX() + due.getRect().getWidth())
                        .as("期限 within the list")
                        .isLessThanOrEqualTo(byId("task-grid").getRect().getX()
                                + byId("task-grid").getRect().getWidth());
            }
            fits(width);
            logOut();

            logIn("operations", county.user("admin"));
            // the menu names the engine's own console by its product name
            visit(new Page("operations", "operations-backup-directory", "Camunda"), width);
            logOut();
            logIn("audit", county.user("auditor"));
            // a sentence names the account it managed by its user name, the one the filter takes
            visit(new Page("audit", "audit-grid", county.user("admin")), width);
            logOut();
        }
    }

    private void visit(Page page, int width) {
        driver.get(url(page.route()));
        byId(page.shownBy());
        fits(width, page.allowed());
    }

    /**
     * The page at this width: the shell in its form for it, nothing too wide, Chinese only; what
     * fails is noted and the walk goes on, so that one run names every page that does not fit.
     */
    private void fits(int width, String... allowed) {
        if (width < 640) {
            wait.until(d -> byId("app-title").getText().equals("档案"));
        }
        for (Runnable check : List.<Runnable>of(
                this::assertContentFits, this::assertNoSidewaysScroll, () -> assertChineseOnly(allowed))) {
            try {
                check.run();
            } catch (AssertionError e) {
                failures.add(width + " px: " + e.getMessage());
            }
        }
    }
}
