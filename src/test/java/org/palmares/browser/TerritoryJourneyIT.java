package org.palmares.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.palmares.it.Demo;
import org.palmares.it.Deployments;

/**
 * The territory's journey in a real Chromium (issue 18): nothing typed is lost through uploads, refusals, saves and
 * a reload; limits are counted and refused, never cut; the same file twice is refused; submission is a review, a
 * confirmation and a receipt, after which the dossier is read-only. The tests run in order on the demo territory's
 * SOC nomination, which the first one starts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class TerritoryJourneyIT extends InBrowser {
    static final String TITLE = "Chantier « Récolte » à Saint-Étienne — œuvre n° 1, déjà ½ fini";
    static final String SUMMARY_1 =
            "Vingt-deux salariés en insertion, formés à l'éco-construction : maçonnerie, " + "façades, cœur d'îlot.";
    static final String SUMMARY_2 =
            "\nDeuxième paragraphe après l'envoi du fichier : ça déménage, Noël à Zürich ; ÀÉÎÕÜ ÿ.";
    static final String SUMMARY_3 =
            "\nTroisième, écrit après le refus : « guillemets », l'apostrophe et les accents — intacts.";
    static final String PARTNERS = "Régie de quartier « Les Tisserands », CCAS d'Évry — 12 entreprises ; ça marche.";
    static final Path PDF = Path.of("src/test/resources/files/projet.pdf").toAbsolutePath();

    private static String nominationUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares();
    }

    @BeforeEach
    void loggedInTerritory() {
        org.palmares.it.PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
        chromium.logIn(Demo.TERRITORY);
        wait.until(ExpectedConditions.urlContains("/territory/index.xhtml"));
    }

    private WebElement title() {
        return driver.findElement(By.id("form:title"));
    }

    private WebElement summary() {
        return driver.findElement(By.id("form:summary"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Until the page has no change the server has not confirmed (autosave went through). */
    private void untilSaved() {
        wait.until(d -> Boolean.FALSE.equals(js("return window.palmaresNomination.dirty()")));
    }

    /** Until no PrimeFaces request is queued or running. */
    private void untilIdle() {
        wait.until(d -> Boolean.TRUE.equals(js("return PrimeFaces.ajax.Queue.isEmpty()")));
    }

    private void upload() {
        driver.findElement(By.cssSelector("#form\\:upload input[type=file]")).sendKeys(PDF.toString());
    }

    /** Two required questions on the SOC form (a long text and a choice), set up as the organiser would, before. */
    private void questionsOnTheSocForm() {
        var http = new org.palmares.it.Http(url);
        org.palmares.it.PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.SETUP);
        try {
            for (String json : List.of(
                    "{\"labelFr\":\"Partenaires du projet\",\"labelEn\":\"Partners\",\"kind\":\"LONG_TEXT\","
                            + "\"required\":true}",
                    "{\"labelFr\":\"Public visé\",\"labelEn\":\"Audience\",\"kind\":\"CHOICE\",\"required\":true,"
                            + "\"choices\":\"Jeunes\\nSeniors\\nTous publics\"}")) {
                var added = http.request(
                        "POST",
                        "/api/v1/organiser/categories/3/questions", // SOC: the demo's third category
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Authorization",
                        org.palmares.it.Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json");
                assertEquals(201, added.statusCode(), added.body());
            }
        } finally {
            org.palmares.it.PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
        }
    }

    private WebElement partners() {
        return driver.findElement(By.cssSelector("textarea[id$='answerLONG_TEXT']"));
    }

    private String audience() {
        return driver.findElement(By.cssSelector("[id$='answerCHOICE_label']")).getText();
    }

    @Test
    @Order(1)
    void nothing_typed_is_lost_through_an_upload_a_refusal_a_save_and_a_reload() {
        questionsOnTheSocForm();
        driver.navigate().refresh();
        driver.findElement(By.cssSelector("a.start-SOC")).click();
        wait.until(ExpectedConditions.urlContains("/territory/nomination.xhtml"));
        title().sendKeys(TITLE);
        untilSaved();
        partners().sendKeys(PARTNERS);
        driver.findElement(By.cssSelector("[id$='answerCHOICE']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[id$='answerCHOICE_panel'] li[data-label='Seniors']")))
                .click();
        untilSaved();
        wait.until(ExpectedConditions.urlContains("id="));
        nominationUrl = driver.getCurrentUrl();

        // Typed, then a file sent at once, before autosave's delay: the text goes first, the upload never erases it.
        summary().sendKeys(SUMMARY_1);
        assertEquals(Boolean.TRUE, js("return window.palmaresNomination.dirty()"), "unsaved: leaving would warn");
        upload();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("projet.pdf")));
        assertEquals(SUMMARY_1, summary().getAttribute("value"), "the upload kept the typed summary");

        // Autosave still works after the upload's partial update.
        summary().sendKeys(SUMMARY_2);
        untilSaved();

        // A title over the limit: refused beside the field, counted, never cut; the rest stays as typed.
        String tooLong = TITLE + " " + "é".repeat(200 - TITLE.length());
        title().clear();
        title().sendKeys(tooLong);
        assertEquals(tooLong, title().getAttribute("value"), "the browser does not cut it either");
        String counter = driver.findElement(By.id("form:titleCount")).getText();
        assertTrue(counter.contains((tooLong.length()) + " / 200") && counter.contains("de trop"), counter);
        driver.findElement(By.id("form:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("form:titleMessage"), "dépasse 200 caractères"));
        untilIdle();
        assertTrue(driver.findElement(By.id("form:titleMessage")).getText().contains("rien n'a été coupé"));
        assertEquals(tooLong, title().getAttribute("value"), "kept as typed, not cut");
        assertTrue(
                summary().getAttribute("value").endsWith(SUMMARY_2.strip()),
                summary().getAttribute("value"));

        // Put right; then more typing after the refusal (the form was redrawn), then save.
        title().clear();
        title().sendKeys(TITLE);
        summary().sendKeys(SUMMARY_3);
        untilSaved();
        driver.findElement(By.id("form:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "Brouillon enregistré"));

        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form:title")));
        assertEquals(TITLE, title().getAttribute("value"), "every character of the title");
        assertEquals(
                SUMMARY_1 + SUMMARY_2 + SUMMARY_3,
                summary().getAttribute("value").replace("\r\n", "\n"),
                "every character of the summary");
        assertEquals(PARTNERS, partners().getAttribute("value"), "every character of the answer");
        assertEquals("Seniors", audience(), "the choice");
        assertEquals(1, driver.findElements(By.linkText("projet.pdf")).size(), "the file");
    }

    @Test
    @Order(2)
    void the_same_file_twice_is_refused_with_a_message() {
        driver.get(nominationUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("projet.pdf")));
        upload();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "déjà joint"));
        assertTrue(driver.findElement(By.id("form:messages")).getText().contains("projet.pdf"));
        assertEquals(1, driver.findElements(By.linkText("projet.pdf")).size(), "still one copy");
    }

    @Test
    @Order(3)
    void an_image_is_shown_publicly_only_once_the_territory_consents_and_the_consent_keeps_the_typed_text()
            throws Exception {
        Path png = java.nio.file.Files.createTempDirectory("palmares-image").resolve("affiche.png");
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        driver.get(nominationUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("projet.pdf")));
        String typed = summary().getAttribute("value");
        driver.findElement(By.cssSelector("#form\\:upload input[type=file]")).sendKeys(png.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("affiche.png")));
        // A PDF has no consent to give; the image starts not shown.
        assertEquals(
                1, driver.findElements(By.cssSelector("#form\\:files .consent")).size(), "one toggle, the image's");
        WebElement toggle = driver.findElement(By.cssSelector("#form\\:files .consent button"));
        assertEquals("false", toggle.getAttribute("aria-checked"));
        summary().sendKeys(" — suite");
        toggle.click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#form\\:files .consent button"), "aria-checked", "true"));
        assertEquals(typed + " — suite", summary().getAttribute("value"), "the consent left the typed text alone");
        untilSaved();
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("affiche.png")));
        assertEquals(
                "true",
                driver.findElement(By.cssSelector("#form\\:files .consent button"))
                        .getAttribute("aria-checked"),
                "the consent is stored");
        assertEquals(typed + " — suite", summary().getAttribute("value"));
    }

    @Test
    @Order(4)
    void an_empty_form_says_why_nothing_is_submitted_and_the_review_lists_what_is_missing() {
        driver.findElement(By.cssSelector("a.start-CDC")).click();
        wait.until(ExpectedConditions.urlContains("/territory/nomination.xhtml"));
        assertTrue(driver.findElements(By.cssSelector(".required-mark")).size() >= 2, "title and summary marked");
        assertTrue(body().contains("Les champs marqués * sont obligatoires"));
        assertEquals("0 / 200", driver.findElement(By.id("form:titleCount")).getText());
        assertTrue(driver.findElements(By.id("form:withdraw")).isEmpty(), "no withdraw on a new form");
        driver.findElement(By.id("form:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form:messages"), "Rien à déposer"));
        String messages = driver.findElement(By.id("form:messages")).getText();
        assertTrue(messages.contains("Manquant : Titre") && messages.contains("Manquant : Résumé du projet"), messages);

        title().sendKeys("Un brouillon sans résumé");
        untilSaved();
        assertTrue(driver.findElements(By.id("form:withdraw")).isEmpty(), "withdraw is not offered on a draft");
        driver.findElement(By.id("form:submit")).click();
        wait.until(ExpectedConditions.urlContains("/territory/review.xhtml"));
        assertTrue(driver.findElement(By.id("missing")).getText().contains("Résumé du projet"));
        assertTrue(driver.findElements(By.id("review:confirm")).isEmpty(), "nothing to confirm while incomplete");
    }

    @Test
    @Order(5)
    void submission_is_a_review_a_confirmation_and_a_receipt_then_the_dossier_is_read_only() {
        driver.get(nominationUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form:submit")));
        // The attachments come before the submit button.
        WebElement files = driver.findElement(By.id("files-title"));
        WebElement submit = driver.findElement(By.id("form:submit"));
        assertTrue(files.getLocation().getY() < submit.getLocation().getY(), "files before the submit button");
        submit.click();

        wait.until(ExpectedConditions.urlContains("/territory/review.xhtml"));
        String dossier = driver.findElement(By.id("dossier")).getText();
        assertTrue(dossier.contains(TITLE), dossier);
        assertTrue(dossier.contains("Vingt-deux salariés") && dossier.contains("Noël à Zürich"), dossier);
        assertTrue(dossier.contains("projet.pdf"), dossier);
        assertTrue(dossier.contains(PARTNERS) && dossier.contains("Seniors"), "the answers as the jury reads them");
        assertTrue(driver.findElements(By.id("missing")).isEmpty(), "nothing missing");
        driver.findElement(By.id("review:confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmYes")))
                .click();

        wait.until(ExpectedConditions.urlContains("/territory/receipt.xhtml"));
        String reference = driver.findElement(By.id("reference")).getText();
        assertTrue(reference.matches(Demo.EDITION + "-SOC-\\d{3}"), reference);
        assertTrue(body().contains("Votre dossier a bien été déposé"));
        assertFalse(driver.findElement(By.id("submittedAt")).getText().isBlank());
        assertTrue(body().contains("Et maintenant ?"));
        String pdf = driver.findElement(By.id("receiptPdf")).getAttribute("href");
        Object answer = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')));",
                        pdf);
        assertEquals("200 application/pdf", answer, "the PDF receipt downloads");

        driver.findElement(By.id("view")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("readOnlySubmitted")));
        assertFalse(title().isEnabled(), "read-only");
        assertFalse(summary().isEnabled(), "read-only");
        assertTrue(driver.findElements(By.id("form:save")).isEmpty(), "no save on a submitted dossier");
        assertTrue(driver.findElements(By.id("form:submit")).isEmpty(), "nothing to submit again as it is");
        assertTrue(driver.findElements(By.cssSelector("#form\\:upload")).isEmpty(), "no upload");
        assertEquals(
                "Retirer le dossier", driver.findElement(By.id("form:withdraw")).getText());
        assertEquals(
                "Reprendre pour modifier",
                driver.findElement(By.id("form:reopen")).getText());

        // Taken back to change it: a draft again, with its reference, editable, and withdraw no longer offered.
        driver.findElement(By.id("form:reopen")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("form:title")));
        assertEquals(TITLE, title().getAttribute("value"));
        assertTrue(driver.findElement(By.id("reference")).getText().equals(reference));
        assertTrue(driver.findElements(By.id("form:withdraw")).isEmpty());
        List<WebElement> status = driver.findElements(By.id("status"));
        assertTrue(status.get(0).getText().contains("Brouillon"), status.get(0).getText());
    }

    private String body() {
        return chromium.body();
    }
}
