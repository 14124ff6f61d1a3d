package org.palmares.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The deadline-rush load driver (not a test; see scripts/load-rush.sh): N territories arrive over SECONDS, more and
 * more of them toward the end as before a real deadline (arrival times spread as the cube root of a uniform draw: the
 * last tenth of the time brings 27% of them), and each, as a territory's browser would, logs in through the login
 * form, then over the REST API on its session (as the page's scripts call it, {@code X-Requested-With}): creates a
 * nomination in a category ({@code POST /api/v1/editions/{code}/nominations}), saves its summary and every required
 * answer ({@code PUT /api/v1/nominations/{id}} with {@code If-Match}), uploads one small PDF
 * ({@code POST …/attachments}), submits ({@code POST …/submit}) and reads its reference back
 * ({@code GET /api/v1/territory/nominations/{id}}). Prints, per operation, p50/p95/p99/max and errors (any non-2xx,
 * a submission without a reference); the throughput; and, read afterwards through an organiser's session, whether
 * every acknowledged submission is in the edition's list with its reference (lost) and whether references are
 * unique. The jurors' scoring runs beside it as a separate process (ScoringLoad), started by the script.
 *
 * <pre>java src/test/java/org/palmares/load/RushLoad.java BASE_URL TERRITORIES SECONDS</pre>
 *
 * <p>The territories are the load territories of {@code palmares.demo.territories}
 * (contact@charge-territoire001.demo.palmares.org…, the demo password). Exit status 1 when a submission is lost or a
 * reference is given twice, 2 when some operations failed, 0 otherwise. Only the JDK: runs as a single source file.
 */
public final class RushLoad {
    private static final String PASSWORD = "Palmares-demo-2019";
    private static final String ORGANISER = "organisateur@demo.palmares.org";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final List<String> OPERATIONS =
            List.of("login", "create", "save", "upload", "submit", "receipt", "whole submission");

    private final String base;
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    /** Every submission the server acknowledged: nomination id to reference. */
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    /** When each acknowledgement came, in ns since the start of the rush. */
    private final ConcurrentLinkedQueue<Long> acknowledgedAt = new ConcurrentLinkedQueue<>();

    private RushLoad(String base) {
        this.base = base;
        for (String op : OPERATIONS) latencies.put(op, new ConcurrentLinkedQueue<>());
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8300";
        int territories = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        System.exit(new RushLoad(base).run(territories, seconds));
    }

    private int run(int count, int seconds) throws Exception {
        Browser anonymous = new Browser("anonymous");
        HttpResponse<String> current = anonymous.api("GET", "/api/v1/public/edition", null);
        if (current.statusCode() != 200) throw new IllegalStateException("No current edition: " + current.body());
        Map<String, Object> edition = Json.object(current.body());
        String code = (String) edition.get("code");
        List<String> categories = ((List<?>) edition.get("categories"))
                .stream().map(c -> (String) ((Map<?, ?>) c).get("code")).toList();
        LocalDateTime deadline = LocalDateTime.parse((String) edition.get("nominationDeadline"));
        LocalDateTime end =
                LocalDateTime.now(ZoneId.of((String) edition.get("timeZone"))).plusSeconds(seconds + 120L);
        System.out.printf(
                "%d territories against %s, arriving over %d s (denser toward the end); edition %s, categories %s,"
                        + " nominations close at %s%n",
                count, base, seconds, code, categories, deadline);
        if (!end.isBefore(deadline)) {
            System.out.println("The nomination deadline passes before the end of the run: move it (organiser's"
                    + " edition page) or start from a fresh demo database.");
            return 1;
        }

        // The arrival of each territory: the quantiles of t = SECONDS * u^(1/3), handed out in a random order.
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= count; i++) order.add(i);
        Collections.shuffle(order, new Random(2019));
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(count);
        for (int k = 0; k < count; k++) {
            long arrival = (long) (seconds * 1e9 * Math.cbrt((k + 0.5) / count));
            int territory = order.get(k);
            String category = categories.get(territory % categories.size());
            Thread worker = new Thread(() -> {
                try {
                    long wait = start + arrival - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    submitAsTerritory(territory, code, category, start);
                } catch (Exception e) {
                    error("journey", e.getClass().getSimpleName());
                    System.err.println("territory " + territory + ": " + e);
                } finally {
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return report(count, seconds, elapsed, code);
    }

    /** One territory's submission, from its login to its reference read back; stops at the first refusal. */
    private void submitAsTerritory(int territory, String edition, String category, long rushStart) throws Exception {
        String email = String.format("contact@charge-territoire%03d.demo.palmares.org", territory);
        Browser b = new Browser(email);
        long journey = System.nanoTime();
        if (!b.timed("login", b::logIn, 302)) return;

        String title = String.format("Clause d'insertion du territoire %03d", territory);
        HttpResponse<String> created = b.timedApi(
                "create",
                "POST",
                "/api/v1/editions/" + edition + "/nominations",
                "{\"category\":\"" + category + "\",\"title\":\"" + title + "\"}",
                201);
        if (created == null) return;
        Map<String, Object> nomination = Json.object(created.body());
        long id = ((Number) nomination.get("id")).longValue();
        String etag = created.headers().firstValue("ETag").orElse("\"" + nomination.get("version") + "\"");

        StringBuilder answers = new StringBuilder();
        for (Object a : (List<?>) nomination.get("answers")) {
            Map<?, ?> answer = (Map<?, ?>) a;
            if (!Boolean.TRUE.equals(answer.get("required"))) continue;
            String value = switch ((String) answer.get("kind")) {
                case "NUMBER" -> "12";
                case "DATE" -> LocalDate.now().toString();
                case "CHOICE" -> {
                    List<?> choices = (List<?>) answer.get("choices");
                    yield choices == null || choices.isEmpty()
                            ? null
                            : (String) choices.get(territory % choices.size());
                }
                default -> "Réponse du territoire " + territory;
            };
            if (value == null) continue; // a choice question offering nothing: the submission will say so
            answers.append(answers.length() == 0 ? "" : ",")
                    .append('"')
                    .append(answer.get("questionId"))
                    .append("\":\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        String summary = "Un chantier de rénovation urbaine où la clause sociale a mené " + (10 + territory % 40)
                + " personnes vers un emploi durable, avec les entreprises du territoire.";
        HttpResponse<String> saved = b.timedApi(
                "save",
                "PUT",
                "/api/v1/nominations/" + id,
                "{\"summary\":\"" + summary + "\",\"answers\":{" + answers + "}}",
                200,
                "If-Match",
                etag);
        if (saved == null) return;

        if (!b.timed("upload", () -> b.upload(id, "bilan-" + territory + ".pdf", pdf(territory)), 201)) return;

        HttpResponse<String> submitted =
                b.timedApi("submit", "POST", "/api/v1/nominations/" + id + "/submit", null, 200);
        if (submitted == null) return;
        Object reference = Json.object(submitted.body()).get("reference");
        if (!(reference instanceof String ref) || ref.isBlank()) {
            error("submit", "no reference");
            return;
        }
        acknowledged.put(id, ref);
        acknowledgedAt.add(System.nanoTime() - rushStart);

        HttpResponse<String> receipt = b.timedApi("receipt", "GET", "/api/v1/territory/nominations/" + id, null, 200);
        if (receipt == null) return;
        if (!ref.equals(Json.object(receipt.body()).get("reference"))) {
            error("receipt", "other reference");
            return;
        }
        latencies.get("whole submission").add(System.nanoTime() - journey);
    }

    private int report(int count, int seconds, double elapsed, String edition) throws Exception {
        // The organiser's list, read once everything is over: every acknowledged submission must be in it.
        Browser organiser = new Browser(ORGANISER);
        if (organiser.logIn().statusCode() != 302) throw new IllegalStateException("The organiser cannot log in");
        Map<Long, String[]> listed = new HashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> r =
                    organiser.api("GET", "/api/v1/editions/" + edition + "/nominations?size=100&page=" + page, null);
            if (r.statusCode() != 200) throw new IllegalStateException("Organiser's list: " + r.body());
            List<?> items = (List<?>) Json.object(r.body()).get("items");
            for (Object o : items) {
                Map<?, ?> n = (Map<?, ?>) o;
                listed.put(
                        ((Number) n.get("id")).longValue(),
                        new String[] {(String) n.get("reference"), (String) n.get("status")});
            }
            if (items.size() < 100) break;
        }
        int lost = 0;
        for (var ack : acknowledged.entrySet()) {
            String[] seen = listed.get(ack.getKey());
            if (seen == null || !ack.getValue().equals(seen[0]) || !"SUBMITTED".equals(seen[1])) {
                lost++;
                System.out.printf(
                        "LOST nomination %d: acknowledged %s, organiser sees %s%n",
                        ack.getKey(), ack.getValue(), seen == null ? "nothing" : String.join(" ", seen));
            }
        }
        Map<String, Integer> references = new TreeMap<>();
        listed.values().stream()
                .map(v -> v[0])
                .filter(r -> r != null)
                .forEach(r -> references.merge(r, 1, Integer::sum));
        List<String> twice = references.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();

        System.out.println();
        System.out.printf(
                "%-18s %7s %9s %9s %9s %9s %7s%n",
                "operation", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        for (var op : latencies.entrySet()) {
            List<Long> sorted = new ArrayList<>(op.getValue());
            Collections.sort(sorted);
            int failed = failures.getOrDefault(op.getKey(), new AtomicInteger()).get();
            if (sorted.isEmpty()) {
                System.out.printf("%-18s %7d %9s %9s %9s %9s %7d%n", op.getKey(), 0, "-", "-", "-", "-", failed);
                continue;
            }
            System.out.printf(
                    "%-18s %7d %9.1f %9.1f %9.1f %9.1f %7d%n",
                    op.getKey(),
                    sorted.size(),
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    percentile(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6,
                    failed);
        }
        // The busiest minute of acknowledgements, the deadline's own rate.
        List<Long> at = new ArrayList<>(acknowledgedAt);
        Collections.sort(at);
        int busiest = 0;
        for (int i = 0, j = 0; i < at.size(); i++) {
            while (at.get(i) - at.get(j) >= 60_000_000_000L) j++;
            busiest = Math.max(busiest, i - j + 1);
        }
        System.out.printf(
                "territories %d, submissions acknowledged %d in %.0f s (%.2f/s overall, busiest 60 s: %d);"
                        + " HTTP requests %d (%.1f/s)%n",
                count,
                acknowledged.size(),
                elapsed,
                acknowledged.size() / elapsed,
                busiest,
                requests.get(),
                requests.get() / elapsed);
        if (!errorKinds.isEmpty()) System.out.println("errors by kind: " + new TreeMap<>(errorKinds));
        System.out.printf(
                "errors %d; organiser's list: %d nominations, acknowledged submissions lost %d, references given"
                        + " twice %d%s%n",
                errors.get(), listed.size(), lost, twice.size(), twice.isEmpty() ? "" : " " + twice);
        if (lost > 0 || !twice.isEmpty()) return 1;
        return errors.get() > 0 ? 2 : 0;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1)) / 1e6;
    }

    private void error(String operation, String kind) {
        errors.incrementAndGet();
        failures.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        errorKinds
                .computeIfAbsent(operation + " " + kind, k -> new AtomicInteger())
                .incrementAndGet();
    }

    /** A small, valid one-page PDF naming the territory. */
    static byte[] pdf(int territory) {
        String text = "Bilan de la clause sociale, territoire " + territory;
        String stream = "BT /F1 14 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) out.append(String.format("%010d 00000 n \n", offset));
        out.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** One territory's browser: its cookie jar, its session once logged in. */
    private final class Browser {
        final String email;
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();

        Browser(String email) {
            this.email = email;
        }

        /** Sends, times and checks one call; a refusal is counted and printed (the first few), then null. */
        boolean timed(String operation, Call call, int expected) throws Exception {
            return timedCall(operation, call, expected) != null;
        }

        HttpResponse<String> timedApi(
                String operation, String method, String path, String json, int expected, String... headers)
                throws Exception {
            return timedCall(operation, () -> api(method, path, json, headers), expected);
        }

        private HttpResponse<String> timedCall(String operation, Call call, int expected) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = call.send();
            } catch (java.io.IOException e) {
                error(operation, e.getClass().getSimpleName());
                System.err.println(email + ": " + operation + ": " + e);
                return null;
            }
            long took = System.nanoTime() - start;
            if (r.statusCode() != expected) {
                error(operation, String.valueOf(r.statusCode()));
                if (errors.get() <= 10)
                    System.err.println(email + ": " + operation + " answered " + r.statusCode() + " "
                            + r.body().substring(0, Math.min(400, r.body().length())));
                return null;
            }
            latencies.get(operation).add(took);
            return r;
        }

        /** The login form, as a browser sends it: the page for its view state, then the POST (302 when it worked). */
        HttpResponse<String> logIn() throws Exception {
            HttpResponse<String> page = send(
                    HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).GET());
            Matcher m = VIEW_STATE.matcher(page.body());
            if (!m.find()) throw new IllegalStateException("No view state on the login page");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:email", email);
            form.put("login:password", PASSWORD);
            form.put("login:next", "");
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", m.group(1));
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** A call of the page's scripts: JSON in and out, on the session. */
        HttpResponse<String> api(String method, String path, String json, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) b.header("Content-Type", "application/json");
            for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return send(b);
        }

        HttpResponse<String> upload(long nomination, String name, byte[] content) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/nominations/" + nomination + "/attachments"))
                    .header("Accept", "application/json")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .header("Content-Type", "application/pdf")
                    .header("X-Filename", URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        }

        HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            requests.incrementAndGet();
            // As a browser: every request says it comes from Palmarès's own pages (SameOriginFilter asks it).
            b.header("Origin", base);
            return client.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Just enough JSON to read the API's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Object value = new Json(text).value();
            if (!(value instanceof Map)) throw new IllegalStateException("Not a JSON object: " + text);
            return (Map<String, Object>) value;
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = (String) value();
                    skip();
                    i++; // ':'
                    map.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') return map;
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (s.charAt(i++) == ']') return list;
                }
            }
            if (c == '"') {
                StringBuilder out = new StringBuilder();
                i++;
                while (s.charAt(i) != '"') {
                    char ch = s.charAt(i++);
                    if (ch != '\\') {
                        out.append(ch);
                        continue;
                    }
                    char esc = s.charAt(i++);
                    switch (esc) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(esc);
                    }
                }
                i++;
                return out.toString();
            }
            int from = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) i++;
            String word = s.substring(from, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default ->
                    word.contains(".") || word.contains("e") || word.contains("E")
                            ? (Object) Double.valueOf(word)
                            : (Object) Long.valueOf(word);
            };
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
