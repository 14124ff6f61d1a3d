package org.palmares.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.palmares.edition.Phase;
import org.palmares.it.Demo;
import org.palmares.it.Deployments;
import org.palmares.it.Http;
import org.palmares.it.PhaseSwitch;

/**
 * The juror's journey in a real headless Chromium: nothing typed on the score sheet is lost (a refused submit, a
 * save, an autosave after the form was re-rendered, a reload), leaving with unsaved input asks first, the dossier
 * page fits 1280, 1024, 768 and 360 px, a submitted sheet says truthfully what can still be done with it and stays
 * readable, and progress shows as accessible bars.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class JurorJourneyIT extends InBrowser {
    /** Accents, ligatures, typographic quotes and apostrophes: every character must come back. */
    private static final String WORDS = "Très bon ancrage : l’équipe a créé « ça » avec cœur, 12 %, naïf, Ève, Öl";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares();
    }

    @BeforeEach
    void scoring() {
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

    @Test
    void every_score_and_comment_typed_survives_a_refused_submit_an_autosave_after_it_a_save_and_a_reload()
            throws Exception {
        String dossier = openFirstDossier("jure05@demo.palmares.org");
        int count = criteria().size();
        assertTrue(count >= 2, "a sheet with several criteria");
        // Every comment written, every criterion scored but the first: the submit will be refused.
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebElement c = criteria().get(i);
            List<WebElement> active = c.findElements(By.cssSelector(".scale input:checked + label"));
            if (i == 0) {
                if (!active.isEmpty()) click(active.get(0)); // unselectable: a second click clears the score
                chosen.add(null);
            } else {
                List<WebElement> buttons = c.findElements(By.cssSelector(".scale label"));
                WebElement b = buttons.get(Math.min(i, buttons.size() - 1));
                if (!driver.findElement(By.id(b.getAttribute("for"))).isSelected()) click(b);
                chosen.add(b.getText());
            }
            WebElement comment = criteria().get(i).findElement(By.tagName("textarea"));
            comment.clear();
            comment.sendKeys(WORDS + " n° " + (i + 1));
        }
        WebElement overall = driver.findElement(By.id("sheetForm:overall"));
        overall.clear();
        overall.sendKeys("Synthèse : " + WORDS);

        // Leaving now would lose something: the page asks first.
        assertTrue(leaveIsQuestioned(), "unsaved input: leaving the page asks first");

        click(driver.findElement(By.id("sheetForm:submit")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sheetForm .missing-box")));
        assertTrue(
                driver.findElement(By.cssSelector("#sheetForm .missing-box"))
                                .getText()
                                .length()
                        > 10,
                "the refusal names the criterion still to score");
        assertSheet(chosen, count, "");
        assertEquals("Synthèse : " + WORDS, overallValue(), "after the refused submit");

        // The form was re-rendered: the autosave still works, on the new inputs.
        WebElement first = criteria().get(0).findElement(By.tagName("textarea"));
        first.sendKeys(" puis après le refus");
        waitStored();
        driver.get(dossier);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
        assertEquals(WORDS + " n° 1 puis après le refus", commentValue(0), "the autosave after the refusal");
        assertSheet(chosen, count, "");

        // The first criterion scored, the overall comment lengthened, Save pressed at once.
        List<WebElement> buttons = criteria().get(0).findElements(By.cssSelector(".scale label"));
        click(buttons.get(0));
        chosen.set(0, buttons.get(0).getText());
        driver.findElement(By.id("sheetForm:overall")).sendKeys(" — enregistré");
        click(driver.findElement(By.id("sheetForm:save")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheetForm:status"), "Enregistré à"));
        waitStored();
        assertFalse(leaveIsQuestioned(), "all saved: leaving asks nothing");
        driver.get(dossier);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
        assertEquals(WORDS + " n° 1 puis après le refus", commentValue(0));
        assertSheet(chosen, count, "");
        assertEquals("Synthèse : " + WORDS + " — enregistré", overallValue(), "after the save and a reload");
    }

    @Test
    void the_dossier_page_and_the_jurors_pages_fit_1280_1024_768_and_360_px_without_sideways_scrolling() {
        String dossier = openFirstDossier("jure06@demo.palmares.org");
        for (int width : new int[] {1280, 1024, 768, 360}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            for (String page : List.of(dossier, "/jury/index.xhtml", "/jury/conflicts.xhtml")) {
                driver.get(page.startsWith("http") ? page : base() + page);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                Number overflow =
                        (Number) js().executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                if (overflow.intValue() > 0) {
                    Object wide = js().executeScript(
                                    "var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                                            + " var b = e.getBoundingClientRect(); if (b.right > window.innerWidth + 0.5) {"
                                            + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(b.left) + '-' + Math.round(b.right)); } });"
                                            + " return out.slice(0, 12).join('; ')");
                    throw new AssertionError(
                            page + " at " + width + " px scrolls sideways by " + overflow + " px: " + wide);
                }
            }
            driver.get(dossier);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
            int sheetLeft = driver.findElement(By.id("sheet")).getRect().getX();
            int guideLeft = driver.findElement(By.id("guide")).getRect().getX();
            if (width >= 1280) assertTrue(guideLeft > sheetLeft, "three columns at " + width + " px");
            if (width <= 768) assertEquals(sheetLeft, guideLeft, "one column at " + width + " px");
            // Headings from the guide's Markdown are sized for its column, not bigger than the page's own h2.
            Number guideTitle = (Number)
                    js().executeScript("var h = document.querySelector('#guide .markdown h1, #guide .markdown h2');"
                            + "return h ? parseFloat(getComputedStyle(h).fontSize) : 0");
            Number pageTitle = (Number) js().executeScript(
                            "return parseFloat(getComputedStyle(document.getElementById('guide-title')).fontSize)");
            assertTrue(
                    guideTitle.doubleValue() <= pageTitle.doubleValue(),
                    "guide headings " + guideTitle + " px, column title " + pageTitle + " px");
        }
        // The anchors read in the text's colour, with AA contrast.
        Number anchors = contrast("#sheetForm .anchors li");
        assertTrue(anchors.doubleValue() >= 4.5, "anchors contrast " + anchors);
    }

    @Test
    void a_submitted_sheet_says_it_is_locked_and_may_be_reopened_until_the_deadline_and_reads_with_aa_contrast()
            throws Exception {
        String dossier = openFirstDossier("jure07@demo.palmares.org");
        for (WebElement c : criteria()) {
            if (c.findElements(By.cssSelector(".scale input:checked + label")).isEmpty()) {
                click(c.findElements(By.cssSelector(".scale label")).get(0));
            }
        }
        WebElement comment = criteria().get(0).findElement(By.tagName("textarea"));
        comment.clear();
        comment.sendKeys("Relu et soumis");
        waitStored();
        click(driver.findElement(By.id("sheetForm:submit")));
        String question = wait.until(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")))
                .getText();
        assertTrue(question.contains("verrouillée") && question.contains("rouvrir"), question);
        driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheetForm:status"), "Grille soumise"));
        String note = driver.findElement(By.id("lockNote")).getText();
        assertTrue(note.contains("rouvrez-la") && note.contains("date limite"), note);
        assertFalse(body().contains("ne peut plus être modifiée"), "no page says both locked for good and reopen");
        assertTrue(driver.findElements(By.id("sheetForm:reopen")).size() == 1, "reopening is offered");

        // Submitted, the sheet stays readable: nothing faded, chosen value and comments at AA contrast.
        assertEquals(
                "1",
                js().executeScript(
                                "return getComputedStyle(document.querySelector('#sheetForm .scale label')).opacity"));
        assertTrue(contrast("#sheetForm .scale input:checked + label").doubleValue() >= 4.5, "chosen value");
        assertTrue(contrast("#sheetForm .scale input:not(:checked) + label").doubleValue() >= 4.5, "other values");
        assertTrue(contrast("#sheetForm textarea").doubleValue() >= 4.5, "comments");

        click(driver.findElement(By.id("sheetForm:reopen")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheetForm:status"), "Grille rouverte"));
        assertTrue(driver.findElement(By.cssSelector("#sheetForm fieldset.criterion textarea"))
                .isEnabled());
        assertEquals("Relu et soumis", commentValue(0));
        click(driver.findElement(By.id("sheetForm:submit")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sheetForm:status"), "Grille soumise"));

        // Once scoring is over the server refuses a reopening: the page offers none and says why.
        PhaseSwitch.set(url, Demo.EDITION, Phase.DELIBERATION);
        driver.get(dossier);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
        assertTrue(driver.findElements(By.id("sheetForm:reopen")).isEmpty(), "no reopening offered");
        assertTrue(driver.findElement(By.id("lockNote")).getText().contains("close"), body());
        assertEquals("Relu et soumis", commentValue(0));
    }

    @Test
    void the_jurors_home_and_the_organisers_progress_page_show_progress_as_accessible_bars() {
        openFirstDossier("jure08@demo.palmares.org");
        driver.get(base() + "/jury/index.xhtml");
        int rows = driver.findElements(By.cssSelector(".jury-list tbody tr")).size();
        WebElement bar = driver.findElement(By.cssSelector("#progress [role=progressbar]"));
        assertEquals("0", bar.getAttribute("aria-valuemin"));
        assertEquals(String.valueOf(rows), bar.getAttribute("aria-valuemax"));
        int now = Integer.parseInt(bar.getAttribute("aria-valuenow"));
        assertTrue(now >= 0 && now <= rows);
        assertEquals("Grilles soumises", bar.getAttribute("aria-label"));
        assertEquals(now + " sur " + rows, bar.getAttribute("aria-valuetext"));
        assertTrue(
                driver.findElement(By.id("progress")).getText().contains(now + " sur " + rows),
                "the figures are written beside the bar");
        assertTrue(body().contains("Progression"));
        assertEquals(
                rows,
                driver.findElements(By.cssSelector(".jury-list [role=progressbar]"))
                        .size(),
                "one bar of criteria scored per dossier");

        driver.manage().deleteAllCookies();
        chromium.at(url).logIn(Demo.ORGANISER);
        wait.until(ExpectedConditions.urlContains("/organiser/"));
        driver.get(base() + "/organiser/progress.xhtml");
        List<WebElement> bars = driver.findElements(By.cssSelector("[role=progressbar]"));
        assertTrue(bars.size() >= 3, "bars per juror, per category, per nomination");
        for (WebElement b : bars) {
            assertTrue(b.getAttribute("aria-valuenow") != null && b.getAttribute("aria-valuemax") != null);
            assertTrue(b.getAttribute("aria-valuetext").contains(" sur "));
        }
    }

    @Test
    void the_conflicts_page_counts_the_nominations_of_each_category_and_searches_them() {
        openFirstDossier("jure09@demo.palmares.org");
        driver.get(base() + "/jury/conflicts.xhtml");
        String summary = driver.findElement(By.id("conflict-summary")).getText();
        assertTrue(summary.contains("candidatures") && summary.contains("catégories"), summary);
        List<WebElement> groups = driver.findElements(By.cssSelector("#conflicts\\:list .group-count"));
        assertTrue(groups.size() >= 2, "one heading per category, with its count");
        int all = driver.findElements(By.cssSelector("#conflicts\\:list tbody tr.ui-widget-content"))
                .size();
        String title = driver.findElements(By.cssSelector("#conflicts\\:list tbody tr.ui-widget-content"))
                .get(0)
                .findElements(By.tagName("td"))
                .get(1)
                .getText();
        driver.findElement(By.id("conflicts:list:globalFilter")).sendKeys(title);
        wait.until(d -> d.findElements(By.cssSelector("#conflicts\\:list tbody tr.ui-widget-content"))
                        .size()
                < all);
        assertTrue(driver.findElement(By.id("conflicts:list")).getText().contains(title));
    }

    /** Whether leaving the page now asks first (a beforeunload the page cancels). */
    private boolean leaveIsQuestioned() {
        return Boolean.TRUE.equals(
                js().executeScript(
                                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
    }

    /** Waits until the server holds what the page shows. */
    private void waitStored() {
        wait.until(d -> Boolean.TRUE.equals(
                js().executeScript("return !!window.palmaresSheet && !palmaresSheet.unsaved() && !!window.PrimeFaces"
                        + " && PrimeFaces.ajax.Queue.isEmpty()")));
    }

    private void assertSheet(List<String> chosen, int count, String where) {
        for (int i = 0; i < count; i++) {
            List<WebElement> active = criteria().get(i).findElements(By.cssSelector(".scale input:checked + label"));
            if (chosen.get(i) == null) assertTrue(active.isEmpty(), "criterion " + (i + 1) + " still unscored");
            else assertEquals(chosen.get(i), active.get(0).getText(), "criterion " + (i + 1) + " kept its value");
            if (i > 0) assertEquals(WORDS + " n° " + (i + 1), commentValue(i), "comment " + (i + 1) + where);
        }
    }

    private String commentValue(int i) {
        return criteria().get(i).findElement(By.tagName("textarea")).getAttribute("value");
    }

    private String overallValue() {
        return driver.findElement(By.id("sheetForm:overall")).getAttribute("value");
    }

    private List<WebElement> criteria() {
        return driver.findElements(By.cssSelector("#sheetForm fieldset.criterion"));
    }

    /** The contrast ratio of an element's text on the first opaque background behind it (WCAG's formula). */
    private Number contrast(String selector) {
        return (Number) js().executeScript(
                        "var el = document.querySelector(arguments[0]); if (!el) { return 0; }"
                                + "function rgb(s) { var m = s.match(/[\\d.]+/g).map(Number); return m; }"
                                + "function lum(c) { var a = c.slice(0, 3).map(function (v) { v /= 255;"
                                + "  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
                                + "  return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; }"
                                + "var fg = rgb(getComputedStyle(el).color), bg = null, e = el, opacity = 1;"
                                + "for (; e; e = e.parentElement) { var s = getComputedStyle(e); opacity *= parseFloat(s.opacity);"
                                + "  var c = rgb(s.backgroundColor); if (!bg && (c.length < 4 || c[3] > 0.9)) { bg = c; } }"
                                + "if (!bg) { bg = [255, 255, 255]; }"
                                + "if (opacity < 1) { fg = fg.map(function (v, i) { return i < 3 ? v * opacity + bg[i] * (1 - opacity) : v; }); }"
                                + "var l1 = lum(fg), l2 = lum(bg);"
                                + "return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);",
                        selector);
    }

    /** Logs the juror in (charter accepted) and opens their first dossier; returns its address. */
    private String openFirstDossier(String juror) {
        chromium.at(url).logIn(juror);
        wait.until(d -> d.getCurrentUrl().contains("/jury/"));
        if (driver.getCurrentUrl().contains("/jury/charter.xhtml")) {
            driver.findElement(By.id("charter:accept")).click();
            wait.until(ExpectedConditions.urlContains("/jury/conflicts.xhtml"));
        }
        driver.get(base() + "/jury/index.xhtml");
        click(driver.findElement(By.cssSelector("a.dossier-link")));
        wait.until(ExpectedConditions.urlContains("/jury/dossier.xhtml"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheetForm")));
        return driver.getCurrentUrl();
    }

    private void click(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String base() {
        return url.toString().replaceFirst("//[^:/]+", "//localhost").replaceAll("/$", "");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private String body() {
        return driver.findElement(By.tagName("body")).getText();
    }
}
