package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, signed in to the console as one
 * account. Flags as this machine needs them: no sandbox (root), no GPU, and no background
 * networking (the build machines have no way out).
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("switchboard.chromium", "/usr/bin/chromium");
  static final String DRIVER =
      System.getProperty("switchboard.chromedriver", "/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(30);

  final WebDriver driver;
  private final Path profile;

  Browser() {
    // -Dit.browser.skip=true: Chromium was not installed, so the console tests are skipped
    Assumptions.assumeFalse(
        Boolean.getBoolean("switchboard.browser.skip"),
        "no browser: the build ran with -Dit.browser.skip=true");
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
  }

  /** Signs in through the form and waits for the dashboard. */
  Browser signIn(String account, String password) {
    open("/login.xhtml");
    driver.findElement(By.id("login:name")).sendKeys(account);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:signin")).click();
    until(ExpectedConditions.presenceOfElementLocated(By.id("caller")));
    return this;
  }

  Browser open(String path) {
    driver.get(ApiClient.BASE + path);
    return this;
  }

  WebElement find(String id) {
    return until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  String text(String id) {
    return find(id).getText();
  }

  void click(String id) {
    until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  /** Waits for the condition; on timeout the message holds the page's address and text. */
  <T> T until(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).until(condition::apply);
    } catch (TimeoutException e) {
      String page = driver.findElement(By.tagName("body")).getText();
      throw new AssertionError(
          "waited "
              + WAIT.toSeconds()
              + " s for "
              + condition
              + " on "
              + driver.getCurrentUrl()
              + "; the page reads:\n"
              + page,
          e);
    }
  }

  /** Waits until the element's text contains the given text, the page updating itself. */
  void untilText(String id, String expected) {
    until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
  }

  /** Saves a screenshot of the page into the screenshots folder of the build. */
  void screenshot(String name) {
    Path folder = Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(folder);
      Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind harms nothing
    }
  }
}
