package io.stackadvisor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's path through the pages in a real headless Chromium: the try-it form, a hybrid profile,
 * the story of the evaluation, back to the audit log. Runs wherever Debian's chromium and
 * chromium-driver are installed; CI installs them and fails if they are missing.
 */
@QuarkusTest
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static ChromeDriver browser;

    @TestHTTPResource("/ui/try")
    URL tryIt;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") == null) {
            System.err.println("BrowserTest needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed || System.getenv("CI") != null, "chromium not installed on this developer machine");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aManagerEvaluatesAHybridProjectAndReadsWhy() throws Exception {
        String name = "Photo chat " + UUID.randomUUID().toString().substring(0, 8);
        browser.get(tryIt.toString());
        assertEquals("Try it · Stack Advisor", browser.getTitle());
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.cssSelector("input[name=workloads][value=realtime-messaging]")).click();
        browser.findElement(By.cssSelector("input[name=workloads][value=image-video-processing]")).click();
        browser.findElement(By.id("expectedConcurrentConnections")).sendKeys("20000");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*/ui/evaluations/[0-9a-f-]{36}$"));
        String permalink = browser.getCurrentUrl();
        WebElement heading = browser.findElement(By.tagName("h1"));
        assertTrue(heading.getText().contains(name) && heading.getText().contains("HYBRID"), heading.getText());
        assertTrue(heading.getText().contains("high confidence"), heading.getText());
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Build a hybrid system"), "summary");
        assertTrue(page.contains("The hybrid system"), "architecture section");
        assertTrue(page.contains("Node.js: api-gateway") && page.contains("Python: ml-services"), "components");
        assertTrue(page.contains("image and video processing workers"), "the Python part's responsibility");

        List<WebElement> steps = browser.findElements(By.cssSelector("ol.trace > li"));
        assertTrue(steps.size() > 20, "trace steps: " + steps.size());
        WebElement chat = steps.stream().filter(s -> s.getText().contains("RT-02: Node.js handles chat and messaging well")).findFirst().orElseThrow();
        assertTrue(chat.getText().contains("Because the profile says: workloads = realtime-messaging"), chat.getText());
        assertTrue(chat.getText().contains("counts 3 for Node.js"), chat.getText());
        assertTrue(chat.getText().contains("“Real-time chat & messaging apps”"), chat.getText());
        assertTrue(chat.getText().contains("SolGuruz"), "the article a quote comes from");
        assertTrue(page.contains("verdict HYBRID"), "the hybrid step");
        assertFalse(browser.getPageSource().contains("https://"), "no external network resources");
        assertFalse(browser.findElements(By.cssSelector("main h1, main h2")).isEmpty());

        Path shot = Path.of("target/screenshots/trace-page.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        browser.executeScript("arguments[0].scrollIntoView()", chat);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot.resolveSibling("trace-steps.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.linkText("Audit log")).click();
        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("tbody tr"))
                .stream().filter(r -> r.getText().contains(name)).findFirst().orElse(null));
        assertTrue(row.getText().contains("HYBRID"));
        row.findElement(By.tagName("a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(permalink));
        assertEquals(permalink, browser.getCurrentUrl(), "the audit log links to the permanent page");

        browser.get(permalink.replaceAll("/ui/evaluations/.*", "/ui/rules"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.tagName("main")).getText().contains("RT-02 chat and messaging favour Node.js"));
    }

    @Test
    void aManagerReadsTheDashboard() throws Exception {
        for (String body : List.of("{\"name\": \"Board chat\", \"workloads\": [\"realtime-messaging\"]}",
                "{\"name\": \"Board ML\", \"workloads\": [\"ml-training\"]}",
                "{\"name\": \"Board shop\", \"workloads\": [\"rest-api\", \"recommendations\"]}")) {
            io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).body(body)
                    .when().post("/api/v1/evaluations").then().statusCode(201);
        }
        browser.get(tryIt.toString());
        browser.findElement(By.linkText("Dashboard")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/ui/dashboard"));
        assertEquals("Dashboard · Stack Advisor", browser.getTitle());
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
        List<String> ids = charts.stream().map(chart -> chart.getAttribute("id")).toList();
        assertTrue(ids.containsAll(List.of("per-day-chart", "per-version-chart", "most-used-chart", "changes-chart")),
                "answers per day, per version, reasons, changes of the rules (and trials of new rules once one ran): " + ids);
        for (WebElement chart : charts) {
            String id = chart.getAttribute("id");
            assertEquals("img", chart.getAttribute("role"), id);
            String title = chart.findElement(By.cssSelector("title")).getAttribute("textContent");
            assertFalse(title.isBlank(), id + " has a title");
            assertFalse(chart.findElement(By.cssSelector("desc")).getAttribute("textContent").isBlank(), id + " has a description");
            assertTrue(chart.getRect().getWidth() > 300, id + " is drawn: " + chart.getRect().getWidth());
            if (id.equals("changes-chart")) continue; // on a fresh database the first change may have no week before it
            List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
            assertFalse(bars.isEmpty(), id + " has bars");
            assertTrue(bars.stream().anyMatch(b -> b.getRect().getHeight() > 0 && b.getRect().getWidth() > 0),
                    id + " has a bar of non-zero size");
        }
        String titles = charts.stream().map(c -> c.findElement(By.cssSelector("title")).getAttribute("textContent")).toList().toString();
        assertTrue(titles.contains("Answers per day, last 30 days"), titles);
        assertTrue(titles.contains("The mix of answers for each version of the rules"), titles);
        assertTrue(titles.contains("The reasons given most often"), titles);
        String text = browser.findElement(By.tagName("main")).getText();
        assertTrue(browser.findElements(By.cssSelector("#most-used-chart text")).stream()
                .anyMatch(t -> t.getAttribute("textContent").length() > 30), "reasons are labelled by their statements");
        assertTrue(text.contains("The reasons given least often"), text);
        browser.findElements(By.tagName("summary")).get(0).click();
        assertTrue(browser.findElements(By.cssSelector("details[open] tbody tr")).size() >= 1, "the numbers as a table");
        Path shot = Path.of("target/screenshots/dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aTypoInTheFormIsShownNotLost() {
        browser.get(tryIt.toString());
        browser.findElement(By.id("expectedConcurrentConnections")).sendKeys("lots");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement errors = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null));
        assertTrue(errors.getText().contains("/expectedConcurrentConnections"), errors.getText());
    }
}
