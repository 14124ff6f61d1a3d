package org.palmares.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.palmares.it.Demo;
import org.palmares.it.Deployments;
import org.palmares.it.Http;
import org.palmares.nomination.PictureFixture;

/**
 * The public pages (issue 18): the vote page's cards on a phone, pictures shown only with their territory's consent,
 * the favicon, the palmarès index and its share tags, the certificate's words, and the tally's CSV for French Excel.
 * The demo edition deliberates (its public vote still open, its tally full), the 2019 archive is published.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class PublicPagesIT {
    private static final Pattern CARD = Pattern.compile("id=\"nomination-(\\d+)\"");

    private static Chromium chromium;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares("palmares.demo.phase=DELIBERATION", "palmares.demo.archive=true")
                .addClass(PictureFixture.class);
    }

    @ArquillianResource
    URL url;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = new Chromium("360");
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) chromium.close();
    }

    // --- helpers ---

    /** The ids of the vote page's cards, in their order. */
    private List<Long> cards(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        return ids;
    }

    private record Picture(long nomination, long attachment, String member) {}

    private Picture picture(String query) {
        HttpResponse<String> r = new Http(url).request("POST", "/it/picture?" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        String[] parts = r.body().trim().split(" ");
        return new Picture(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
    }

    private HttpResponse<String> consent(Picture p, String body, String... auth) {
        String path = "/api/v1/nominations/" + p.nomination() + "/attachments/" + p.attachment() + "/public-consent";
        List<String> headers =
                new ArrayList<>(List.of("Content-Type", "application/json", "Accept", "application/json"));
        if (auth.length == 2) headers.addAll(List.of("Authorization", Http.basic(auth[0], auth[1])));
        return new Http(url)
                .request("PUT", path, body.getBytes(StandardCharsets.UTF_8), headers.toArray(String[]::new));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** A TC2019 winner: its reference and its territory, from the public palmarès JSON. */
    private JsonObject archiveWinner() {
        var palmares = json(new Http(url)
                .get("/api/v1/editions/" + Demo.ARCHIVE + "/palmares?lang=fr")
                .body());
        return palmares.getJsonArray("categories")
                .getJsonObject(0)
                .getJsonArray("winners")
                .getJsonObject(0);
    }

    // --- 1. pictures and their consent ---

    @Test
    void a_picture_shows_on_the_vote_page_only_once_its_territory_consents_and_only_the_territory_may_say_so() {
        Http anonymous = new Http(url);
        String page = anonymous.get("/vote/index.xhtml?category=CDC").body();
        long nomination = cards(page).get(0);
        Picture p = picture("nomination=" + nomination);
        String src = "/vote/picture?nomination=" + nomination + "&attachment=" + p.attachment();

        assertEquals(404, anonymous.get(src).statusCode(), "no consent yet: not served");
        assertFalse(anonymous.get("/vote/index.xhtml?category=CDC").body().contains("vote/picture"), "nor shown");

        assertEquals(401, consent(p, "{\"consent\":true}").statusCode(), "anonymous");
        assertEquals(
                404, consent(p, "{\"consent\":true}", Demo.JUROR, Demo.PASSWORD).statusCode(), "a juror");
        String other = p.member().equals(Demo.TERRITORY) ? "contact@mde-garrigue.demo.palmares.org" : Demo.TERRITORY;
        assertEquals(404, consent(p, "{\"consent\":true}", other, Demo.PASSWORD).statusCode(), "another territory");
        assertTrue(Http.problem(consent(p, "{\"consent\":\"yes\"}", p.member(), Demo.PASSWORD), 400), "not a boolean");

        HttpResponse<String> given = consent(p, "{\"consent\":true}", p.member(), Demo.PASSWORD);
        assertEquals(200, given.statusCode(), given.body());
        assertTrue(json(given.body())
                .getBoolean("public_consent", json(given.body()).getBoolean("publicConsent", false)));
        HttpResponse<byte[]> image = anonymous.getBytes(src);
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(pngBytes(), image.body());
        assertTrue(anonymous.get("/vote/index.xhtml?category=CDC").body().contains(src.replace("&", "&amp;")));

        // The same picture of a nomination the public does not vote on is never served, consent or not.
        HttpResponse<String> eligibleSoc = anonymous.getAs(
                "/api/v1/editions/" + Demo.EDITION + "/nominations?category=SOC&status=ELIGIBLE",
                Demo.ORGANISER,
                Demo.PASSWORD);
        long soc = json(eligibleSoc.body())
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Picture notPublic = picture("nomination=" + soc);
        assertEquals(
                200,
                consent(notPublic, "{\"consent\":true}", notPublic.member(), Demo.PASSWORD)
                        .statusCode());
        assertEquals(
                404,
                anonymous
                        .get("/vote/picture?nomination=" + soc + "&attachment=" + notPublic.attachment())
                        .statusCode(),
                "not in a public vote");
        assertEquals(
                404,
                anonymous
                        .get("/palmares/picture?nomination=" + soc + "&attachment=" + notPublic.attachment())
                        .statusCode(),
                "not published");
        assertEquals(
                404,
                anonymous
                        .get("/vote/picture?nomination=" + nomination + "&attachment=" + notPublic.attachment())
                        .statusCode(),
                "another nomination's file");

        assertEquals(
                200,
                consent(p, "{\"consent\":false}", p.member(), Demo.PASSWORD).statusCode());
        assertEquals(404, anonymous.get(src).statusCode(), "consent withdrawn: gone");
    }

    private static byte[] pngBytes() {
        return java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }

    // --- 1. the vote page on a phone ---

    @Test
    void on_a_360_px_phone_the_first_card_has_its_vote_button_in_view_and_an_empty_address_is_said_beside_the_field() {
        chromium.at(url);
        var driver = chromium.driver;
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(360, 800));
        chromium.open("/vote/index.xhtml?category=CDC");
        var js = (JavascriptExecutor) driver;
        // A common phone's viewport, 360 × 800 CSS pixels: the window is that plus the browser's own bars.
        Number bars = (Number) js.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(360, 800 + bars.intValue()));
        chromium.open("/vote/index.xhtml?category=CDC");
        List<WebElement> cards = driver.findElements(By.cssSelector(".vote-card"));
        assertTrue(cards.size() >= 3, "a card per nomination");
        WebElement first = driver.findElement(By.id("vote:cards:0:cast"));
        Number bottom = (Number) js.executeScript("return arguments[0].getBoundingClientRect().bottom", first);
        Number height = (Number) js.executeScript("return window.innerHeight");
        Number secondTop = (Number) js.executeScript("return arguments[0].getBoundingClientRect().top", cards.get(1));
        assertTrue(
                bottom.doubleValue() <= height.doubleValue(), "in view without scrolling: " + bottom + " > " + height);
        assertTrue(bottom.doubleValue() < secondTop.doubleValue(), "on the first card, before the second one");
        Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 1, "fits 360 px: " + overflow);

        // Read more opens the whole summary.
        WebElement more = cards.get(0).findElement(By.cssSelector(".vote-card__more"));
        more.findElement(By.tagName("summary")).click();
        assertEquals("true", more.getDomAttribute("open") == null ? "false" : "true");

        // An empty address: said beside the field, nothing sent.
        first.click();
        WebElement empty = driver.findElement(By.id("vote-empty"));
        assertTrue(empty.isDisplayed(), "the empty address is said");
        assertTrue(empty.getText().contains("adresse"), empty.getText());
        assertEquals("vote:email", driver.switchTo().activeElement().getDomAttribute("id"));
        assertTrue(driver.findElements(By.id("code:value")).isEmpty(), "no ballot started");

        // Each card votes for its own project.
        String title =
                cards.get(1).findElement(By.cssSelector(".vote-card__title")).getText();
        driver.findElement(By.id("vote:email")).sendKeys("phone-" + System.nanoTime() + "@example.org");
        driver.findElement(By.id("vote:cards:1:cast")).click();
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code:value")));
        assertTrue(chromium.body().contains("Un code à six chiffres vient de vous être envoyé"), chromium.body());
        assertFalse(title.isBlank());
        assertTrue(driver.manage().getCookieNamed("JSESSIONID") == null, "no session for the public");
    }

    // --- 2. the favicon ---

    @Test
    void every_page_has_a_favicon_in_ico_and_svg() {
        Http http = new Http(url);
        HttpResponse<byte[]> ico = http.getBytes("/favicon.ico");
        assertEquals(200, ico.statusCode());
        byte[] head = ico.body();
        assertTrue(head.length > 6 && head[0] == 0 && head[1] == 0 && head[2] == 1 && head[3] == 0, "an ICO file");
        HttpResponse<String> svg = http.get("/favicon.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        for (String page :
                List.of("/index.xhtml", "/palmares.xhtml", "/vote/index.xhtml?category=CDC", "/login.xhtml")) {
            String html = http.get(page).body();
            assertTrue(html.contains("rel=\"icon\" href=\"/favicon.ico\"") || html.contains("favicon.ico"), page);
            assertTrue(html.contains("favicon.svg"), page);
        }
    }

    // --- 4. the palmarès index and its share tags ---

    @Test
    void the_palmares_index_card_names_the_edition_its_date_its_prizes_and_shows_consented_winners_pictures() {
        Http http = new Http(url);
        JsonObject winner = archiveWinner();
        String index = http.get("/palmares.xhtml").body();
        assertTrue(index.contains("Trophées de la Clause 2019"), "the edition's name");
        assertTrue(index.contains("7 novembre 2019"), "its date");
        assertTrue(
                index.contains(unescaped(winner.getString("territory")))
                        || index.contains(winner.getString("territory")),
                "its winners");
        assertTrue(index.contains("Coup de cœur"), "its prizes");
        assertFalse(index.contains("palmares/picture"), "no picture without consent");
        String before = http.get("/palmares.xhtml?edition=" + Demo.ARCHIVE).body();
        assertTrue(before.contains("og-image.png\""), "without a consented picture, the site's share image");
        assertEquals(200, http.getBytes("/og-image.png").statusCode());

        Picture p = picture("reference=" + winner.getString("reference"));
        assertFalse(http.get("/palmares.xhtml").body().contains("palmares/picture"), "still none: no consent");
        assertEquals(
                200, consent(p, "{\"consent\":true}", p.member(), Demo.PASSWORD).statusCode());
        String src = "/palmares/picture?nomination=" + p.nomination() + "&amp;attachment=" + p.attachment();
        assertTrue(http.get("/palmares.xhtml").body().contains(src), "the consented winner's picture");
        assertEquals(200, http.getBytes(src.replace("&amp;", "&")).statusCode());

        String page = http.get("/palmares.xhtml?edition=" + Demo.ARCHIVE).body();
        assertTrue(
                page.contains("<meta property=\"og:title\" content=\"Palmarès · Trophées de la Clause 2019\""),
                "og:title");
        assertTrue(page.contains("<meta property=\"og:description\" content=\""), "og:description");
        assertTrue(
                page.contains("<meta property=\"og:image\" content=\"")
                        && page.contains("palmares/picture?nomination=" + p.nomination()),
                "og:image: the consented picture");
        String english = http.get("/palmares.xhtml?edition=" + Demo.ARCHIVE, "Accept-Language", "en")
                .body();
        assertTrue(
                english.contains("og:title\" content=\"List of winners · ") || english.contains("og:title"),
                "English tags");
    }

    private static String unescaped(String s) {
        return s.replace("'", "&#39;");
    }

    // --- 5. certificates ---

    @Test
    void the_certificate_is_a_diplome_decerne_a_the_laureate_with_prize_date_and_signature_lines() throws Exception {
        JsonObject winner = archiveWinner();
        Picture p = picture("reference=" + winner.getString("reference"));
        Http member = new Http(url);
        member.login(p.member(), Demo.PASSWORD);
        HttpResponse<byte[]> fr = member.getBytes("/certificates/" + p.nomination() + ".pdf?lang=fr");
        assertEquals(200, fr.statusCode());
        assertEquals("application/pdf", fr.headers().firstValue("Content-Type").orElse(""));
        String text = new PdfTextExtractor(new PdfReader(fr.body())).getTextFromPage(1);
        for (String expected : List.of(
                "Diplôme",
                "décerné à",
                "TROPHÉES DE LA CLAUSE 2019",
                "Lauréat",
                "Pour le jury",
                "Pour les organisateurs",
                "2019")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertFalse(text.contains("décernée"), "a diplôme is masculine");
        assertTrue(text.replace("\n", " ").contains(winner.getString("territory")), "the laureate: " + text);

        HttpResponse<byte[]> en = member.getBytes("/certificates/" + p.nomination() + ".pdf?lang=en");
        String english = new PdfTextExtractor(new PdfReader(en.body())).getTextFromPage(1);
        assertTrue(
                english.contains("Certificate") && english.contains("presented to") && english.contains("Winner"),
                english);
    }

    // --- 6. the tally's CSV for French Excel ---

    @Test
    void the_tally_csv_for_french_excel_has_semicolons_decimal_commas_a_bom_and_words_not_codes() {
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        HttpResponse<byte[]> results = organiser.getBytes("/organiser/export/tally?what=results&format=csv-semicolon");
        assertEquals(200, results.statusCode());
        byte[] b = results.body();
        assertTrue(b.length > 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF, "a BOM");
        String csv = new String(b, StandardCharsets.UTF_8).substring(1);
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("Catégorie;Méthode;Rang;"), header);
        assertTrue(
                Pattern.compile(";\\d+,\\d{2};").matcher(csv).find(),
                "decimal commas: " + csv.lines().skip(1).findFirst());
        assertFalse(Pattern.compile(";\\d+\\.\\d{2};").matcher(csv).find(), "no decimal points");
        for (String code :
                List.of("NORMALISED", "CALIBRATED", ";RAW;", "INCOMPLETE", "DISAGREEMENT", "EX_AEQUO", "FEW_SHEETS")) {
            assertFalse(csv.contains(code), "a raw code in the French file: " + code);
        }
        assertTrue(
                csv.contains("Normalisée") || csv.contains("Brute") || csv.contains("Calibrée"), "the method in words");

        HttpResponse<byte[]> sheets = organiser.getBytes("/organiser/export/tally?what=sheets&format=csv-semicolon");
        String sheetsCsv = new String(sheets.body(), StandardCharsets.UTF_8);
        assertTrue(sheetsCsv.lines().findFirst().orElseThrow().contains(";"), "semicolons");
        assertTrue(Pattern.compile(";-?\\d+,\\d{2};").matcher(sheetsCsv).find(), "S and z with decimal commas");

        // The comma variant stays as it was: points for decimals.
        String comma = new String(
                organiser
                        .getBytes("/organiser/export/tally?what=results&format=csv")
                        .body(),
                StandardCharsets.UTF_8);
        assertTrue(Pattern.compile(",\\d+\\.\\d{2},").matcher(comma).find(), "decimal points with commas");
        String tally = new String(organiser.getBytes("/organiser/tally.xhtml").body(), StandardCharsets.UTF_8);
        assertTrue(tally.contains("format=csv-semicolon"), "the tally page offers the French Excel file");
    }
}
