package org.palmares.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.palmares.edition.Phase;
import org.palmares.it.Demo;
import org.palmares.it.Deployments;
import org.palmares.it.Http;
import org.palmares.it.PhaseSwitch;

/**
 * RGAA (WCAG 2.1 AA) checks: axe-core on every page of each role's journeys, in French and English, and two
 * keyboard-only journeys (a territory saves a nomination draft, a juror scores a criterion) without the mouse.
 * Every violation found is printed (page, rule, impact, target) so that a failure can be diagnosed from the log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class AccessibilityIT extends InBrowser {
    private static final String JUROR = "jure05@demo.palmares.org";
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> ANONYMOUS = List.of(
            "/index.xhtml",
            "/login.xhtml",
            "/forgot-password.xhtml",
            "/palmares.xhtml",
            "/vote/index.xhtml",
            "/accessibility.xhtml",
            "/api.xhtml");
    private static final List<String> ORGANISER = List.of(
            "/organiser/index.xhtml",
            "/organiser/editions.xhtml",
            "/organiser/edition.xhtml",
            "/organiser/nominations.xhtml",
            "/organiser/territories.xhtml",
            "/organiser/jurors.xhtml",
            "/organiser/assignment.xhtml",
            "/organiser/progress.xhtml",
            "/organiser/sheets.xhtml",
            "/organiser/tally.xhtml",
            "/organiser/votes.xhtml",
            "/organiser/publication.xhtml",
            "/organiser/ceremony.xhtml",
            "/organiser/accounts.xhtml",
            "/organiser/audit.xhtml",
            "/organiser/outbox.xhtml",
            "/organiser/backups.xhtml",
            "/organiser/guides.xhtml",
            "/organiser/tokens.xhtml",
            "/organiser/transfer.xhtml",
            "/account/index.xhtml");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares();
    }

    @Test
    void every_page_of_every_journey_has_no_serious_or_critical_violation_in_french_and_english() {
        Map<String, Integer> perPage = new LinkedHashMap<>();
        List<String> blocking = new ArrayList<>();
        for (String language : List.of("fr", "en")) {
            // Anonymous visitor.
            PhaseSwitch.set(url, Demo.EDITION, Phase.NOMINATIONS_OPEN);
            fresh(language);
            for (String page : ANONYMOUS) audit(language, page, perPage, blocking);

            // Organiser.
            fresh(language);
            chromium.logIn(Demo.ORGANISER);
            wait.until(ExpectedConditions.urlContains("/organiser/index.xhtml"));
            for (String page : ORGANISER) audit(language, page, perPage, blocking);

            // Territory: home and a new nomination form.
            fresh(language);
            chromium.logIn(Demo.TERRITORY);
            wait.until(ExpectedConditions.urlContains("/territory/index.xhtml"));
            audit(language, "/territory/index.xhtml", perPage, blocking);
            audit(language, "/territory/colleagues.xhtml", perPage, blocking);
            chromium.open("/territory/index.xhtml");
            driver.findElement(By.cssSelector("a[class*='start-']")).click();
            wait.until(ExpectedConditions.urlContains("/territory/nomination.xhtml"));
            auditHere(language, "/territory/nomination.xhtml", perPage, blocking);

            // Juror (charter accepted): home, conflicts, charter, a dossier with its sheet.
            scoring();
            fresh(language);
            logInJuror();
            for (String page : List.of("/jury/index.xhtml", "/jury/conflicts.xhtml", "/jury/charter.xhtml"))
                audit(language, page, perPage, blocking);
            chromium.open("/jury/index.xhtml");
            driver.findElement(By.cssSelector("a.dossier-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
            auditHere(language, "/jury/dossier.xhtml", perPage, blocking);
        }
        StringBuilder summary = new StringBuilder("axe-core serious/critical violations per page:\n");
        perPage.forEach((page, n) ->
                summary.append("  ").append(page).append(": ").append(n).append('\n'));
        System.out.println(summary);
        assertTrue(blocking.isEmpty(), "serious or critical violations:\n" + String.join("\n", blocking));
    }

    @Test
    void a_territory_saves_a_nomination_draft_with_the_keyboard_only() {
        PhaseSwitch.set(url, Demo.EDITION, Phase.NOMINATIONS_OPEN);
        chromium.logIn(Demo.TERRITORY);
        wait.until(ExpectedConditions.urlContains("/territory/index.xhtml"));
        tabTo("a[class*='start-']");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("/territory/nomination.xhtml"));
        tabTo("#form\\:title");
        new Actions(driver)
                .sendKeys("Clause au clavier : un projet saisi sans souris")
                .perform();
        tabTo("#form\\:save");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "Brouillon enregistré"));
        assertEquals(
                "Clause au clavier : un projet saisi sans souris",
                driver.findElement(By.id("form:title")).getAttribute("value"));
    }

    @Test
    void a_juror_scores_a_criterion_with_the_keyboard_only() {
        scoring();
        logInJuror();
        chromium.open("/jury/index.xhtml");
        tabTo("a.dossier-link");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
        String before = firstCriterionScore();
        // Tab reaches the scale's chosen value (or its first one when none is chosen); Space chooses a value that
        // is not chosen yet, an arrow moves to the next value and chooses it.
        tabTo(".scale input[type=radio]");
        new Actions(driver)
                .sendKeys(before.isEmpty() ? Keys.SPACE : Keys.ARROW_RIGHT)
                .perform();
        wait.until(d -> !firstCriterionScore().equals(before));
        assertNotEquals(before, firstCriterionScore(), "the keyboard sets the score");
        assertNotEquals(
                "none",
                js().executeScript("return getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"),
                "the focused value is outlined");
        // Delete takes the score back: the criterion is unscored again.
        new Actions(driver).sendKeys(Keys.DELETE).perform();
        wait.until(d -> firstCriterionScore().isEmpty());
    }

    // --- helpers ---

    private void fresh(String language) {
        driver.manage().deleteAllCookies();
        chromium.open("/lang?to=" + language + "&back=/index.xhtml");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
    }

    private void audit(String language, String page, Map<String, Integer> perPage, List<String> blocking) {
        chromium.open(page);
        auditHere(language, page, perPage, blocking);
    }

    private void auditHere(String language, String page, Map<String, Integer> perPage, List<String> blocking) {
        String label = "[" + language + "] " + page;
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        int serious = 0;
        for (Rule rule : results.getViolations()) {
            boolean blocks = "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact());
            for (CheckedNode node : rule.getNodes()) {
                String line = label + " | " + rule.getId() + " | " + rule.getImpact() + " | " + node.getTarget() + " | "
                        + abbreviate(node.getHtml());
                System.out.println("axe: " + line);
                if (blocks) {
                    serious++;
                    blocking.add(line);
                }
            }
        }
        perPage.merge(label, serious, Integer::sum);
    }

    private static String abbreviate(String html) {
        return html == null ? "" : html.length() > 160 ? html.substring(0, 160) + "…" : html;
    }

    /** Presses Tab until the focused element matches {@code css}; fails after 300 presses. */
    private WebElement tabTo(String css) {
        for (int i = 0; i < 300; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            Object hit = js().executeScript(
                            "var a = document.activeElement; return a && a.matches(arguments[0]) ? a : null;", css);
            if (hit instanceof WebElement element) return element;
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private String firstCriterionScore() {
        List<WebElement> active = driver.findElements(By.cssSelector(".scale"))
                .get(0)
                .findElements(By.cssSelector("input:checked + label"));
        return active.isEmpty() ? "" : active.get(0).getText();
    }

    private void scoring() {
        PhaseSwitch.set(url, Demo.EDITION, Phase.SCORING);
        var run = new Http(url)
                .request(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/assignments/run?mode=FILL_GAPS",
                        null,
                        "Authorization",
                        Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                        "Accept",
                        "application/json");
        assertEquals(200, run.statusCode(), run.body());
    }

    private void logInJuror() {
        chromium.logIn(JUROR);
        wait.until(d -> d.getCurrentUrl().contains("/jury/"));
        if (driver.getCurrentUrl().contains("/jury/charter.xhtml")) {
            driver.findElement(By.id("charter:accept")).click();
            wait.until(ExpectedConditions.urlContains("/jury/conflicts.xhtml"));
        }
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
