package org.dangan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One real browser (Debian's Chromium): log in, open the record list, see a record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSmokeTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    WebDriver driver;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(new File(CHROMIUM)).as("Chromium is needed: apt-get install chromium").exists();
        assertThat(new File(CHROMEDRIVER)).as("ChromeDriver is needed: apt-get install chromium-driver").exists();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=zh-CN", "--window-size=1400,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        // the console, to see whether the content security policy refused anything the screens need
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void logIn(WebDriverWait wait, String user, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        driver.findElement(By.cssSelector("input[name='username']")).sendKeys(user);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    @Test
    void an_archivist_logs_in_and_sees_a_record_of_the_township() {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 7);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));

        driver.get("http://localhost:" + port + "/records");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        org.openqa.selenium.Cookie before = driver.manage().getCookieNamed("JSESSIONID");
        logIn(wait, county.user("archivist-a"), Fixtures.PASSWORD);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), record.getRecordNumber()));
        assertThat(driver.findElement(By.id("record-total")).getText()).isEqualTo("共1份档案");
        assertThat(driver.findElement(By.tagName("vaadin-grid")).getText()).contains(record.getMaskedIdNumber());
        // session fixation: the session the login page had is not the one signed in
        assertThat(before).isNotNull();
        assertThat(driver.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(before.getValue());
        assertThat(driver.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
        // the screens work under their content security policy: nothing refused on the way
        assertThat(driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                .extracting(org.openqa.selenium.logging.LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }
}
