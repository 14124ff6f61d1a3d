package org.palmares.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.palmares.it.Demo;
import org.palmares.it.Deployments;

/**
 * The journeys that need a jury that has scored: the demo edition with its submitted sheets (palmares.demo.sheets),
 * in a real headless Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class DeliberationJourneysIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares("palmares.demo.sheets=true");
    }

    @ArquillianResource
    URL url;

    /** The jury has scored: the edition deliberates. */
    @org.junit.jupiter.api.BeforeEach
    void deliberation() {
        org.palmares.it.PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.DELIBERATION);
    }

    @Test
    void the_organiser_reads_the_three_methods_freezes_decides_and_signs_off_a_category() throws Exception {
        try (Chromium browser = new Chromium(url, "1280")) {
            organiserOn(browser, "/organiser/tally.xhtml?category=SOC");
            String page = browser.body();
            assertTrue(page.contains("Brute") && page.contains("Normalisée") && page.contains("Calibrée"), page);
            browser.driver.findElement(By.id("method:freeze")).click();
            confirm(browser);
            browser.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Résultat figé."));
            // The winners are ticked from the frozen ranking's first place: saving needs no justification.
            browser.driver.findElement(By.id("decision:decide")).click();
            browser.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Décision enregistrée."));
            browser.driver.findElement(By.id("decision:signOff")).click();
            confirm(browser);
            browser.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("signed-off"), "Décision signée"));
            assertTrue(browser.driver.findElement(By.id("signed-off")).getText().contains(Demo.EDITION + "-SOC-"));
            assertTrue(browser.driver.findElements(By.id("decision:decide")).isEmpty(), "signed off: locked");
        }
    }

    @Test
    void in_the_public_vote_category_the_tally_shows_the_vote_beside_the_jury_rank() throws Exception {
        try (Chromium browser = new Chromium(url, "1280")) {
            organiserOn(browser, "/organiser/tally.xhtml?category=CDC");
            browser.driver.findElement(By.id("method:freeze")).click();
            confirm(browser);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("voteRule")));
            assertTrue(browser.body().contains("Vote du public"));
            assertTrue(
                    browser.driver.findElement(By.id("voteRule")).getText().contains("Aucun vote vérifié"),
                    "no vote yet in the demo: the jury decides");
        }
    }

    private static void organiserOn(Chromium browser, String path) {
        browser.logIn(Demo.ORGANISER);
        browser.wait.until(ExpectedConditions.urlContains("/organiser/"));
        browser.open(path);
    }

    private static void confirm(Chromium browser) {
        browser.wait
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
    }
}
