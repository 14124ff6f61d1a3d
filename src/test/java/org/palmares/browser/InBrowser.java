package org.palmares.browser;

import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the desktop browser journeys share: one headless Chromium per test class, 1280 px wide, on the deployment
 * Arquillian started for that class, and a fresh visitor (no cookie, the window at its size) before each test. Each
 * journey class keeps its own {@code @Deployment}, its phase and its steps.
 */
abstract class InBrowser {
    static Chromium chromium;
    static WebDriver driver;
    static WebDriverWait wait;

    @ArquillianResource
    URL url;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = new Chromium("1280");
        driver = chromium.driver;
        wait = chromium.wait;
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void freshVisitor() {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
        chromium.at(url);
    }
}
