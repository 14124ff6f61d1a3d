package org.palmares.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small HTTP client for the integration tests: a cookie jar of its own, no redirects followed. */
public final class Http {
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();

    public Http(URL deployment) {
        // Payara Micro reports its host as a non-loopback address; the tests only ever talk to loopback.
        String url = deployment.toString().replaceFirst("//[^:/]+", "//localhost");
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The cookies this client holds, as a Cookie header (e.g. to open a WebSocket as the same logged-in user). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** A GET whose body is kept as bytes (a file, where a string would mangle what is not UTF-8). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) builder.headers(headers);
        if (origin) builder.header("Origin", base);
        try {
            return client.send(
                    builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> getAs(String path, String email, String password) {
        return get(path, "Authorization", basic(email, password), "Accept", "application/json");
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)), all);
    }

    public HttpResponse<String> postAs(String path, String email, String password) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization",
                basic(email, password),
                "Accept",
                "application/json");
    }

    /** Any request with a body (may be empty) and headers, e.g. a JSON PUT or a raw file upload. */
    public HttpResponse<String> request(String method, String path, byte[] body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body)),
                headers);
    }

    /** Logs in through the login page, as a browser would; returns the answer to the form's POST. */
    public HttpResponse<String> login(String email, String password) {
        return login(email, password, "");
    }

    /** Logs in and asks to go back to {@code next} afterwards, as the login redirect does. */
    public HttpResponse<String> login(String email, String password, String next) {
        HttpResponse<String> page = get("/login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:next", next);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post("/login.xhtml", form);
    }

    /** Accepts the confidentiality charter as this logged-in juror, through its page (no dossier opens before). */
    public void acceptCharter() {
        String page = get("/jury/charter.xhtml").body();
        if (!page.contains("charter:accept")) return;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("charter", "charter");
        form.put("charter:accept", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        int status = post("/jury/charter.xhtml", form).statusCode();
        if (status != 200 && status != 302) throw new IllegalStateException("charter answered " + status);
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) throw new IllegalStateException("No view state in the page");
        return m.group(1);
    }

    /** Whether an answer has this status and is an RFC 9457 problem-details document. */
    public static boolean problem(HttpResponse<String> r, int status) {
        return r.statusCode() == status
                && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private boolean origin = true;

    /**
     * This client no longer says where its requests come from (no {@code Origin}), as a script would, not a browser:
     * its session requests that change something are then refused unless they carry another proof.
     */
    public Http withoutOrigin() {
        origin = false;
        return this;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        if (headers.length > 0) builder.headers(headers);
        boolean named = false;
        for (int i = 0; i < headers.length; i += 2) {
            named |= headers[i].equalsIgnoreCase("Origin") || headers[i].equalsIgnoreCase("Sec-Fetch-Site");
        }
        // As a browser does, on its own pages: SameOriginFilter refuses a session's changes without such a proof.
        if (origin && !named) builder.header("Origin", base);
        try {
            return client.send(builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
