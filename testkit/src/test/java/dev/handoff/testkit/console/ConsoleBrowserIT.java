package dev.handoff.testkit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.console.ConsoleTestSupport.PollingConsumer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web console in Debian's headless Chromium, driven by Selenium, while real kafka-clients 4.4 consumers
 * rebalance. Skipped, with a message, where {@code chromium} and {@code chromedriver} are not installed
 * ({@code .ci/run} installs them). Screenshots go to {@code target/console-screenshots/}.
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String TOPIC = "orders";
    private static final int PARTITIONS = 6;

    private final List<PollingConsumer> consumers = new ArrayList<>();
    private EmbeddedHandoff broker;
    private String consoleUrl;
    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrokerAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipping the console browser test: install Debian's chromium and chromium-driver "
                        + "(/usr/bin/chromium, /usr/bin/chromedriver); .ci/run does");
        int port = ConsoleTestSupport.freePort();
        broker = ConsoleTestSupport.broker(port);
        consoleUrl = "http://127.0.0.1:" + port + "/";
        ConsoleTestSupport.createTopic(broker, TOPIC, PARTITIONS);
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        for (PollingConsumer consumer : consumers) {
            consumer.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void groupPageShowsMembersAndAJoinWithItsHandoffsOnTheLiveTimeline() throws Exception {
        // Given
        String group = "console-group";
        consumers.add(new PollingConsumer(broker, group, TOPIC, "consumer"));
        browser.get(consoleUrl + "#/group/" + URLEncoder.encode(group, StandardCharsets.UTF_8));
        await().atMost(ConsoleTestSupport.TIMEOUT).untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#members tr[data-member]"))).hasSize(1));

        // When
        consumers.add(new PollingConsumer(broker, group, TOPIC, "consumer"));

        // Then
        await().atMost(ConsoleTestSupport.TIMEOUT).untilAsserted(() -> {
            assertThat(browser.findElements(By.cssSelector("#members tr[data-member]"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("#swimlanes .event.MEMBER_JOINED"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("#swimlanes .event.HANDOFF"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#swimlanes .lane"))).hasSize(3);
        });
        assertThat(browser.findElement(By.id("group-title")).getText()).isEqualTo(group);
        assertThat(browser.findElements(By.cssSelector("#events tr.event-row.HANDOFF td.duration")))
                .extracting(WebElement::getText).allMatch(text -> text.endsWith(" ms"));
        screenshot("group-timeline.png");
        browser.get(consoleUrl + "#/topics");
        await().atMost(ConsoleTestSupport.TIMEOUT).untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#topics td.topic-name")))
                        .extracting(WebElement::getText).contains(TOPIC));
        screenshot("topics.png");
    }

    @Test
    void aGroupIdContainingMarkupIsShownAsText() throws Exception {
        // Given
        String group = "<img src=x id=injected onerror=\"document.title='pwned'\"><b>bold</b>";

        // When
        consumers.add(new PollingConsumer(broker, group, TOPIC, "classic"));
        browser.get(consoleUrl + "#/groups");

        // Then
        await().atMost(ConsoleTestSupport.TIMEOUT).untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector("#groups a.group-link")))
                        .extracting(WebElement::getText).contains(group));
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#groups b"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Handoff console");
        browser.findElement(By.cssSelector("#groups a.group-link")).click();
        await().atMost(ConsoleTestSupport.TIMEOUT).untilAsserted(() ->
                assertThat(browser.findElement(By.id("group-title")).getText()).isEqualTo(group));
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
        screenshot("markup-group.png");
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
