package org.dangan.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (Debian's Chromium, headless, zh-CN) against the application on a random port:
 * the base of the tests that play a role's job by clicking. {@link #assertChineseOnly()} fails on
 * an English word of four or more letters or a raw enum value anywhere on the page, shadow DOM
 * included, outside what the test names as allowed (user names, numbers it made).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser") // Chromium; inherited by every browser test
public abstract class BrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]{3,}");

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    protected WebDriver driver;
    protected WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(new File(CHROMIUM))
                .as("Chromium is needed: apt-get install chromium")
                .exists();
        assertThat(new File(CHROMEDRIVER))
                .as("ChromeDriver is needed: apt-get install chromium-driver")
                .exists();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=zh-CN",
                "--window-size=1440,900",
                "--user-data-dir=" + profile,
                "--force-device-scale-factor=1",
                "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String route) {
        return "http://localhost:" + port + "/" + route;
    }

    /** What a link of the page gives the signed-in user: fetched with the browser's session, as a click would. */
    protected HttpResponse<byte[]> download(String href) throws IOException, InterruptedException {
        String session = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Opens the route, logs in on the login page it leads to, and waits for the shell. */
    protected void logIn(String route, String user, String password) {
        driver.get(url(route));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        // typed again until the fields hold it: keys sent while the login form's fields were still
        // being set up were lost, and the sign-in then failed late in a long test (twice in CI)
        wait.until(d -> {
            WebElement name = d.findElement(By.cssSelector("input[name='username']"));
            WebElement secret = d.findElement(By.cssSelector("input[name='password']"));
            if (!user.equals(name.getDomProperty("value"))) {
                name.clear();
                name.sendKeys(user);
            }
            if (!password.equals(secret.getDomProperty("value"))) {
                secret.clear();
                secret.sendKeys(password);
            }
            return user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
        });
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        // the sign-in goes where the request remembered before it pointed, which is not always the
        // route (the login page itself forwards a signed-in user home); the test then opens its route
        shell(() -> wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user"))), user);
        if (!driver.getCurrentUrl().startsWith(url(route))) {
            driver.get(url(route));
            shell(() -> wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user"))), user);
        }
    }

    /** Waits as told, and says on failure where the browser is and what it shows. */
    private void shell(Runnable waiting, String user) {
        try {
            waiting.run();
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "no shell after signing in as " + user + " at " + driver.getCurrentUrl() + "; the page says: "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    protected void logIn(String route, String user) {
        logIn(route, user, Fixtures.PASSWORD);
    }

    protected void logOut() {
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
    }

    protected WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /**
     * Clicks as a person does, with the element in the middle of the window: Selenium scrolls it only
     * to the bottom edge, where a notification still showing would take the click.
     */
    protected void click(String id) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Picks the combo box entry by its text, as a person does: type over what is there, then click the suggestion. */
    protected void choose(String comboId, String text) {
        WebElement input = byId(comboId).findElement(By.cssSelector("input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        By item = By.xpath("//vaadin-combo-box-item[contains(., '" + text + "')]");
        wait.until(d -> d.findElements(item).stream().anyMatch(WebElement::isDisplayed));
        driver.findElements(item).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow()
                .click();
        wait.until(d -> text.equals(input.getDomProperty("value")));
    }

    /** Types into a Vaadin field (its inner input) and leaves it, as a person does. */
    protected void type(String id, String text) {
        WebElement field = byId(id);
        WebElement input = field.findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(text);
        ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", input);
    }

    /** Clicks the confirm button of the open confirmation dialog (its buttons live in the overlay). */
    protected void confirm() {
        wait.until(d -> ((JavascriptExecutor) d).executeScript("""
                const find = (root) => {
                  const b = root.querySelector('[slot="confirm-button"]');
                  if (b && b.offsetParent !== null) return b;
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) { const x = find(el.shadowRoot); if (x) return x; }
                  }
                  return null;
                };
                const button = find(document);
                if (!button) return false;
                button.click();
                return true;
                """).equals(Boolean.TRUE));
    }

    protected void waitForText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    /** Clicks the grid row showing the text (the cell content lives in the light DOM of the grid). */
    protected void clickRow(String gridId, String text) {
        wait.until(d -> byId(gridId).getText().contains(text));
        WebElement cell = byId(gridId).findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(text))
                .findFirst()
                .orElseThrow();
        cell.click();
    }

    /** All text the user can read: the light DOM and every open shadow root, without scripts and styles. */
    protected String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const out = [];
                const walk = (node) => {
                  if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent); return; }
                  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
                  if (node.nodeType === Node.ELEMENT_NODE) {
                    const tag = node.tagName;
                    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
                    if (node.hidden || node.getAttribute('aria-hidden') === 'true') return;
                    const style = getComputedStyle(node);
                    if (style.display === 'none' || style.visibility === 'hidden') return;
                    for (const a of ['placeholder', 'title', 'label', 'aria-label', 'helper-text', 'error-message']) {
                      const v = node.getAttribute(a); if (v) out.push(v);
                    }
                  }
                  if (node.shadowRoot) walk(node.shadowRoot);
                  for (const child of node.childNodes) walk(child);
                };
                walk(document.body);
                return out.join('\\n');
                """);
    }

    /**
     * Fails if the page shows a Latin word of four letters or more (an English word, an enum name
     * such as RETIRED_PAPER) outside the words allowed: names and numbers the test made.
     */
    protected void assertChineseOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        String text = pageText();
        List<String> english = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            boolean inAllowed = ok.stream().anyMatch(a -> a.contains(word));
            if (!inAllowed) {
                int from = Math.max(0, m.start() - 20);
                english.add(word + " in «"
                        + text.substring(from, Math.min(text.length(), m.end() + 20))
                                .replace('\n', ' ') + "»");
            }
        }
        assertThat(english)
                .as("English words or raw codes on the zh-CN screen " + driver.getCurrentUrl())
                .isEmpty();
    }

    /** The page fits the window: nothing makes it scroll sideways. */
    protected void assertNoSidewaysScroll() {
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("page scrolls sideways at " + driver.getCurrentUrl())
                .isLessThanOrEqualTo(0);
    }

    /**
     * Nothing on the screen is wider than the window and nothing scrolls sideways, the content
     * area and every panel included (the page itself may not scroll while a panel does); a table
     * scrolls inside itself and does not count. Waits a moment for the layout to settle (the shell
     * and the inbox learn the window's width in a round trip), then names what sticks out.
     */
    protected void assertContentFits() {
        String script = """
                const width = document.documentElement.clientWidth;
                const out = [];
                const one = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.getAttribute('slot') ? '[slot=' + e.getAttribute('slot') + ']' : '')
                    + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '');
                const name = e => {
                  const path = [];
                  for (let p = e; p && p.tagName && path.length < 4; p = p.parentElement) path.unshift(one(p));
                  return path.join(' > ') + ' «' + (e.textContent || '').trim().slice(0, 20) + '»';
                };
                const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
                const clipped = e => {
                  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                  }
                  return false;
                };
                const layout = document.querySelector('vaadin-app-layout');
                const scrollers = [document.documentElement, document.body];
                if (layout && layout.shadowRoot) {
                  scrollers.push(...layout.shadowRoot.querySelectorAll('[content], [part~="content"]'));
                }
                for (const e of document.querySelectorAll('body *')) {
                  if (e.closest('vaadin-grid, vaadin-connection-indicator, vaadin-app-layout > [slot=drawer]')) continue;
                  const style = getComputedStyle(e);
                  if (style.display === 'none' || style.visibility === 'hidden') continue;
                  if (scrolls(e)) { scrollers.push(e); continue; }
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > width + 1 && !clipped(e)) {
                    out.push(name(e) + ' reaches ' + Math.round(r.right) + ' px');
                  }
                }
                for (const s of scrollers) {
                  if (s.scrollWidth > s.clientWidth + 1 && !(s.closest && s.closest('vaadin-grid'))) {
                    out.push(name(s) + ' scrolls sideways: ' + s.scrollWidth + ' px in ' + s.clientWidth);
                  }
                }
                return out.join('; ');""";
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((String) js.executeScript(script)).isEmpty());
        } catch (TimeoutException e) {
            assertThat((String) js.executeScript(script))
                    .as("too wide at " + driver.getCurrentUrl())
                    .isEmpty();
        }
    }

    protected void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the window, for docs/screens (written only when the property names a directory). */
    protected void screenshot(String name) throws Exception {
        String dir = System.getProperty("dangan.screens");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path target = Path.of(dir).resolve(name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
