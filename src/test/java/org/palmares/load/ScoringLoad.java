package org.palmares.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scoring load driver (not a test; see scripts/load-scoring.sh): N jurors log in like browsers, open each of
 * their dossiers (the JSF page), then autosave their sheet every few seconds exactly as the page's script does (a
 * JSON PUT to /api/v1/scoresheets/{id} with If-Match, on the juror's session). Prints p50/p95/max of opening a dossier and of an autosave, and, with
 * a server pid, the heap used after a full GC before the logins and with every juror's session alive.
 *
 * <pre>java src/test/java/org/palmares/load/ScoringLoad.java BASE_URL JURORS SECONDS [SERVER_PID]</pre>
 *
 * <p>With {@code -Dcrash.log=FILE} it is the crash test's load (scripts/crash-scoring.sh): every write is logged
 * before it is sent and again once acknowledged, a quarter of the saves are followed by a submission (reopened on the
 * next round), and errors do not stop it (the server is killed under it). {@code ScoringLoad.java verify BASE_URL
 * FILE} then checks, after the restart, that every acknowledged write is there and no sheet is half-written.
 *
 * Only the JDK: runs as a single source file.
 */
public final class ScoringLoad {
    private static final String PASSWORD = "Palmares-demo-2019";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern API = Pattern.compile("data-api=\"([^\"]+)\"");
    private static final Pattern VERSION_INPUT =
            Pattern.compile("<input[^>]*id=\"sheetForm:version\"[^>]*value=\"(\\d+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w:-]*)=\"([^\"]*)\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignment\":(\\d+)");

    private static final CrashLog CRASH =
            System.getProperty("crash.log") == null ? null : new CrashLog(System.getProperty("crash.log"));

    private final String base;
    private final ConcurrentLinkedQueue<Long> opens = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> errorKinds =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private ScoringLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("verify")) {
            System.exit(CrashLog.verify(args[1], java.nio.file.Path.of(args[2])) ? 0 : 1);
        }
        String base = args.length > 0 ? args[0] : "http://localhost:8092";
        int jurors = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String pid = args.length > 3 ? args[3] : null;
        new ScoringLoad(base).run(jurors, seconds, pid);
    }

    /** One juror's browser: a cookie jar, the pages it holds open. */
    private final class Juror {
        final String email;
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        final List<Page> pages = new ArrayList<>();

        Juror(String email) {
            this.email = email;
        }

        void logIn() throws Exception {
            String login = get("/login.xhtml").body();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:email", email);
            form.put("login:password", PASSWORD);
            form.put("login:next", "");
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", first(VIEW_STATE, login));
            HttpResponse<String> r = post("/login.xhtml", form, false);
            if (r.statusCode() != 302) throw new IllegalStateException(email + ": login answered " + r.statusCode());
        }

        void logOut() throws Exception {
            post("/logout", Map.of(), false);
        }

        void openDossiers() throws Exception {
            String list = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/assignments"))
                            .header("Accept", "application/json")
                            .GET())
                    .body();
            Matcher m = ASSIGNMENT.matcher(list);
            while (m.find()) {
                long start = System.nanoTime();
                HttpResponse<String> page = get("/jury/dossier.xhtml?assignment=" + m.group(1));
                long took = System.nanoTime() - start;
                if (page.statusCode() != 200) {
                    error("open " + page.statusCode());
                    continue;
                }
                opens.add(took);
                pages.add(new Page("/jury/dossier.xhtml?assignment=" + m.group(1), page.body()));
            }
            if (pages.isEmpty()) throw new IllegalStateException(email + " has no dossier");
        }

        void autosave(int round) throws Exception {
            Page page = pages.get(round % pages.size());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder scores = new StringBuilder();
            boolean first = true;
            for (var c : page.scales.entrySet()) {
                List<String> values = c.getValue();
                scores.append(first ? "" : ",")
                        .append('"')
                        .append(c.getKey())
                        .append("\":{\"value\":")
                        .append(values.get(random.nextInt(values.size())));
                if (first)
                    scores.append(",\"comment\":\"Commentaire ")
                            .append(round)
                            .append(" de ")
                            .append(email)
                            .append('"');
                scores.append('}');
                first = false;
            }
            String json = "{\"scores\":{" + scores + "}}";
            if (CRASH != null) {
                crashRound(page, json, round);
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + page.api))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("If-Match", "\"" + page.version + "\"")
                    .PUT(HttpRequest.BodyPublishers.ofString(json));
            long start = System.nanoTime();
            HttpResponse<String> r = send(b);
            long took = System.nanoTime() - start;
            Matcher version = VERSION.matcher(r.body());
            if (r.statusCode() != 200 || !version.find()) {
                error("autosave " + r.statusCode());
                if (errors.get() < 5)
                    System.err.println(email + ": autosave answered " + r.statusCode() + " "
                            + r.body().substring(0, Math.min(400, r.body().length())));
                return;
            }
            page.version = Long.parseLong(version.group(1));
            saves.add(took);
        }

        /** A crash-test round: reopen if submitted, save every criterion, sometimes submit; each step logged. */
        void crashRound(Page page, String json, int round) throws Exception {
            if (page.submitted) {
                if (!CRASH.step(email, page.api, "reopen", "", () -> postJson(page.api + "/reopen"), page)) {
                    reload(page); // e.g. 409: an earlier reopen without an answer did reopen it
                    return;
                }
                page.submitted = false;
            }
            long start = System.nanoTime();
            boolean saved = CRASH.step(email, page.api, "save", CrashLog.values(json), () -> put(page, json), page);
            long took = System.nanoTime() - start;
            if (!saved) {
                reload(page);
                return;
            }
            saves.add(took);
            if (ThreadLocalRandom.current().nextInt(4) == 0
                    && CRASH.step(email, page.api, "submit", "", () -> postJson(page.api + "/submit"), page)) {
                page.submitted = true;
            }
        }

        /**
         * After a refused save, takes the sheet's current version (and state), as the page does when it shows both
         * views: the sheet may have changed meanwhile, e.g. another node committed an attempt whose answer was lost.
         */
        void reload(Page page) throws Exception {
            HttpResponse<String> now = get(page.api);
            Matcher version = VERSION.matcher(now.body());
            if (now.statusCode() == 200 && version.find()) {
                page.version = Long.parseLong(version.group(1));
                page.submitted = now.body().contains("\"SUBMITTED\"");
            }
        }

        HttpResponse<String> put(Page page, String json) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + page.api))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("If-Match", "\"" + page.version + "\"")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> postJson(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form, boolean ajax) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (ajax) b.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
            return send(b);
        }

        HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            // As a browser: every request says it comes from Palmarès's own pages (SameOriginFilter asks it).
            b.header("Origin", base);
            return client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** An open dossier page: where its script saves the sheet, the version it knows, each criterion's scale. */
    private static final class Page {
        final String api;
        long version;
        boolean submitted;
        final Map<String, List<String>> scales = new LinkedHashMap<>();

        Page(String path, String html) {
            this.api = first(API, html).replace("&amp;", "&");
            this.version = Long.parseLong(first(VERSION_INPUT, html));
            String[] criteria = html.split("data-criterion=\"", -1);
            for (int i = 1; i < criteria.length; i++) {
                String chunk = criteria[i];
                String id = chunk.substring(0, chunk.indexOf('"'));
                String fieldset = chunk.substring(0, Math.max(0, chunk.indexOf("</fieldset>")));
                List<String> values = new ArrayList<>();
                Matcher inputs = INPUT.matcher(fieldset);
                while (inputs.find()) {
                    Map<String, String> a = new LinkedHashMap<>();
                    Matcher at = ATTRIBUTE.matcher(inputs.group());
                    while (at.find()) a.put(at.group(1), at.group(2));
                    if ("radio".equals(a.get("type")) && a.get("disabled") == null) values.add(a.get("value"));
                }
                if (!values.isEmpty()) scales.put(id, values);
            }
            if (scales.isEmpty()) throw new IllegalStateException("No scale in " + path + " (read-only sheet?)");
        }
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new IllegalStateException("Not found: " + p.pattern());
        return m.group(1);
    }

    private void run(int count, int seconds, String pid) throws Exception {
        System.out.printf("%d jurors against %s for %d s of autosaves%n", count, base, seconds);
        long heapBefore = pid == null ? -1 : heapAfterGc(pid);
        List<Juror> jurors = new ArrayList<>();
        for (int i = 1; i <= count; i++) jurors.add(new Juror(String.format("charge-jure%03d@demo.palmares.org", i)));
        // Logins in parallel, a few at a time: each checks a PBKDF2 hash, slow on purpose.
        parallel(jurors, 8, j -> {
            j.logIn();
            j.openDossiers();
        });
        System.out.printf("logged in and opened: %d dossier pages%n", opens.size());
        long heapSessions = pid == null ? -1 : heapAfterGc(pid);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(jurors.size());
        for (Juror j : jurors) {
            Thread worker = new Thread(() -> {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(3000));
                    for (int round = 0; System.nanoTime() < end && !j.pages.isEmpty(); round++) {
                        try {
                            j.autosave(round);
                        } catch (IOException serverGone) {
                            if (CRASH == null) throw serverGone;
                            error("crash: " + serverGone.getClass().getSimpleName());
                        }
                        Thread.sleep(
                                CRASH != null
                                        ? 200
                                        : 2000 + ThreadLocalRandom.current().nextInt(3000));
                    }
                } catch (Exception e) {
                    error(e.getClass().getSimpleName());
                    System.err.println(j.email + ": " + e);
                } finally {
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        long heapAfter = pid == null ? -1 : heapAfterGc(pid);
        // The sessions' own share: what a full GC frees once every juror has logged out (their sessions and views
        // gone, the shared caches of the pages, the JPA entities and the JIT still there).
        parallel(jurors, 8, Juror::logOut);
        long heapLoggedOut = pid == null ? -1 : heapAfterGc(pid);
        if (!errorKinds.isEmpty()) System.out.println("errors by kind: " + errorKinds);
        report("open a dossier (GET, full page)", opens);
        report("autosave (REST PUT)", saves);
        System.out.printf(
                "autosaves: %d in %d s (%.1f/s); errors: %d%n",
                saves.size(), seconds, saves.size() / (double) seconds, errors.get());
        if (pid != null) {
            System.out.printf(
                    "heap used after full GC: before logins %,d KB; with %d sessions %,d KB; after the autosaves %,d KB%n",
                    heapBefore / 1024, count, heapSessions / 1024, heapAfter / 1024);
            System.out.printf(
                    "heap per juror session (3 dossier views each): %,d KB (after logins), %,d KB (after autosaves)%n",
                    (heapSessions - heapBefore) / 1024 / count, (heapAfter - heapBefore) / 1024 / count);
            System.out.printf(
                    "after every juror logged out: %,d KB, so each juror session itself held %,d KB%n",
                    heapLoggedOut / 1024, (heapAfter - heapLoggedOut) / 1024 / count);
        }
    }

    private interface Task {
        void run(Juror j) throws Exception;
    }

    private void parallel(List<Juror> jurors, int threads, Task task) throws InterruptedException {
        ConcurrentLinkedQueue<Juror> queue = new ConcurrentLinkedQueue<>(jurors);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Juror j;
                while ((j = queue.poll()) != null) {
                    try {
                        task.run(j);
                    } catch (Exception e) {
                        error("login/open: " + e.getClass().getSimpleName());
                        System.err.println(j.email + ": " + e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) w.join();
    }

    private static void report(String name, ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        if (sorted.isEmpty()) {
            System.out.printf("%-34s no sample%n", name);
            return;
        }
        Collections.sort(sorted);
        System.out.printf(
                "%-34s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d samples)%n",
                name,
                sorted.get((int) Math.ceil(sorted.size() * 0.50) - 1) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6,
                sorted.size());
    }

    /** Runs a full GC in the server and reads the heap used, from {@code jcmd <pid> GC.heap_info}. */
    private static long heapAfterGc(String pid) throws Exception {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) throw new IllegalStateException("Cannot read the heap: " + info);
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(String pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", pid, command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The crash test's journal of writes, and the check made against the restarted server. */
    private static final class CrashLog {
        private static final Pattern PUT_VALUE = Pattern.compile("\"(\\d+)\":\\{\"value\":(\\d+)");
        private static final Pattern STORED_VALUES = Pattern.compile("\"values\":\\{([^}]*)}");
        private static final Pattern STORED_VALUE = Pattern.compile("\"(\\d+)\":(\\d+)");
        private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

        private final java.io.PrintWriter out;

        CrashLog(String file) {
            try {
                out = new java.io.PrintWriter(
                        java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        interface Call {
            HttpResponse<String> send() throws Exception;
        }

        /** Logs the attempt, sends, logs the answer: "A" before, then "K" (acknowledged) or "F" (refused). */
        boolean step(String email, String api, String op, String values, Call call, Page page) throws Exception {
            line("A", op, email, api, "-", values);
            HttpResponse<String> r = call.send(); // an IOException leaves the attempt without an outcome
            Matcher version = VERSION.matcher(r.body());
            if (r.statusCode() != 200 || !version.find()) {
                line("F", op, email, api, String.valueOf(r.statusCode()), values);
                return false;
            }
            page.version = Long.parseLong(version.group(1));
            line("K", op, email, api, version.group(1), values);
            return true;
        }

        private synchronized void line(String kind, String op, String email, String api, String v, String values) {
            out.println(String.join("\t", kind, op, email, api, v, values.isEmpty() ? "-" : values));
            out.flush();
        }

        /** The criterion values a PUT body sets, in a form that compares: "12=3,13=5". */
        static String values(String json) {
            java.util.TreeMap<Long, String> sorted = new java.util.TreeMap<>();
            Matcher m = PUT_VALUE.matcher(json);
            while (m.find()) sorted.put(Long.parseLong(m.group(1)), m.group(2));
            return sorted.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
        }

        /** A sheet's state: values, status and version. */
        record State(String values, String status, long version) {
            State after(String op, String newValues, long newVersion) {
                return switch (op) {
                    case "save" -> new State(newValues, "DRAFT", newVersion);
                    case "submit" -> new State(values, "SUBMITTED", newVersion);
                    default -> new State(values, "DRAFT", newVersion);
                };
            }
        }

        static boolean verify(String base, java.nio.file.Path file) throws Exception {
            Map<String, List<String[]>> bySheet = new LinkedHashMap<>();
            for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 6)
                    bySheet.computeIfAbsent(f[2] + "\t" + f[3], k -> new ArrayList<>())
                            .add(f);
            }
            ScoringLoad load = new ScoringLoad(base);
            Map<String, Juror> jurors = new LinkedHashMap<>();
            int acknowledged = 0, inFlight = 0, inFlightCommitted = 0, lost = 0, halfWritten = 0;
            for (var sheet : bySheet.entrySet()) {
                String email = sheet.getKey().split("\t")[0];
                String api = sheet.getKey().split("\t")[1];
                State acked = null;
                List<String[]> pending = new ArrayList<>();
                for (String[] f : sheet.getValue()) {
                    String values = f[5].equals("-") ? "" : f[5];
                    switch (f[0]) {
                        case "A" -> pending.add(f);
                        case "K" -> {
                            acknowledged++;
                            State base0 = acked == null ? new State("", "DRAFT", 0) : acked;
                            acked = base0.after(f[1], values, Long.parseLong(f[4]));
                            pending.clear();
                        }
                        default -> {
                            // A 5xx from a proxy, or a 412 right after a node died (the proxy sent the PUT again to
                            // another node, which saw the first attempt's commit): the outcome is unknown, as for a
                            // write without an answer. Any other refusal changed nothing itself, but says nothing of
                            // the unanswered attempts before it: a reopen that committed on the node killed before
                            // answering makes the next reopen a 409.
                            int status = Integer.parseInt(f[4]);
                            if (status == 412 || status >= 500) pending.add(f);
                        }
                    }
                }
                Juror juror = jurors.get(email);
                if (juror == null) {
                    juror = load.new Juror(email);
                    juror.logIn();
                    jurors.put(email, juror);
                }
                HttpResponse<String> r = juror.send(HttpRequest.newBuilder(URI.create(base + api))
                        .header("Accept", "application/json")
                        .GET());
                State stored = stored(r);
                boolean matchesAck = acked == null
                        ? stored == null || stored.values().isEmpty()
                        : stored != null
                                && stored.version() == acked.version()
                                && stored.values().equals(acked.values())
                                && stored.status().equals(acked.status());
                boolean matchesInFlight = false;
                if (!pending.isEmpty()) {
                    inFlight++;
                    State from = acked == null ? new State("", "DRAFT", 0) : acked;
                    for (String[] f : pending) {
                        State would = from.after(f[1], f[5].equals("-") ? "" : f[5], -1);
                        if (stored != null
                                && stored.version() > from.version()
                                && stored.values().equals(would.values())
                                && stored.status().equals(would.status())) {
                            matchesInFlight = true;
                            inFlightCommitted++;
                            break;
                        }
                    }
                }
                if (matchesAck || matchesInFlight) continue;
                boolean anyWhole =
                        stored != null && sheet.getValue().stream().anyMatch(f -> f[5].equals(stored.values()));
                if (stored == null || acked != null && stored.version() <= acked.version() || anyWhole) {
                    lost++;
                    System.out.printf("LOST %s %s: acknowledged %s, stored %s%n", email, api, acked, stored);
                } else {
                    halfWritten++;
                    System.out.printf("HALF-WRITTEN %s %s: acknowledged %s, stored %s%n", email, api, acked, stored);
                }
            }
            System.out.printf(
                    "sheets %d, acknowledged writes %d, sheets with a write unanswered since their last acknowledged"
                            + " one (in flight at the kill, or sent after it) %d, of which committed %d; lost %d,"
                            + " half-written %d%n",
                    bySheet.size(), acknowledged, inFlight, inFlightCommitted, lost, halfWritten);
            return lost == 0 && halfWritten == 0;
        }

        private static State stored(HttpResponse<String> r) {
            if (r.statusCode() != 200) return null;
            Matcher values = STORED_VALUES.matcher(r.body());
            Matcher status = STATUS.matcher(r.body());
            Matcher version = VERSION.matcher(r.body());
            if (!values.find() || !status.find() || !version.find()) return null;
            java.util.TreeMap<Long, String> sorted = new java.util.TreeMap<>();
            Matcher m = STORED_VALUE.matcher(values.group(1));
            while (m.find()) sorted.put(Long.parseLong(m.group(1)), m.group(2));
            String canonical = sorted.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            return new State(canonical, status.group(1), Long.parseLong(version.group(1)));
        }
    }
}
