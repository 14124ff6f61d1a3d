package org.palmares.browser;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.palmares.it.Demo;

/**
 * A headless Chromium (Debian's chromium and chromedriver) for the browser journeys, French-speaking like most of
 * Palmarès' users, on a Palmarès deployed by Arquillian, always through loopback.
 */
final class Chromium implements AutoCloseable {
    final WebDriver driver;
    final WebDriverWait wait;
    private String base;

    /** A browser for the Palmarès deployed at {@code deployment} (its host replaced by localhost). */
    Chromium(URL deployment, String width) throws Exception {
        this(width);
        at(deployment);
    }

    /** A browser, window {@code width} px wide; say where Palmarès is with {@link #at(URL)}. */
    Chromium(String width) throws Exception {
        ChromeOptions options = new ChromeOptions();
        String binary = System.getProperty("chrome.binary", "/usr/bin/chromium");
        if (Files.exists(Path.of(binary))) options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--window-size=" + width + ",900",
                "--lang=fr",
                "--user-data-dir=" + Files.createTempDirectory("palmares-chrome"));
        // A French-speaking visitor: the site's default language is French, whatever the machine's locale.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        // A condition that reads an element the page redraws meanwhile (an AJAX update) looks again, as for one
        // not there yet, instead of failing the journey.
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    Chromium at(URL deployment) {
        base = deployment.toString().replaceFirst("//[^:/]+", "//localhost").replaceAll("/$", "");
        return this;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void logIn(String email) {
        open("/login.xhtml");
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.cssSelector("#login\\:password input, input#login\\:password"))
                .sendKeys(Demo.PASSWORD);
        driver.findElement(By.id("login:submit")).click();
    }

    String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
