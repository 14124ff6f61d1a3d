package org.palmares.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The full-disk check's load and checks (not a test; see scripts/disk-full.sh, which mounts the small file system,
 * starts Palmarès on it and calls this). One cycle, for one side of an edition:
 *
 * <pre>
 * java DiskFullLoad.java territories BASE FILL_DIR COUNT   nominations open: COUNT territories create nominations
 *                                                           (one category every 15 s), save them, upload PDFs
 * java DiskFullLoad.java jurors BASE FILL_DIR COUNT        scoring: COUNT jurors save their sheets
 * java -cp DERBY_JARS DiskFullLoad.java files DATA_DIR     on the stopped database: every attachment row has its
 *                                                           whole file, every file its row, no temporary file left
 * java -cp DERBY_JARS DiskFullLoad.java phase DATA_DIR PHASE   on the stopped database: sets the edition's phase
 * </pre>
 *
 * <p>A cycle: the writers and readers run for {@code -Dwarm} s (15), then the file system of FILL_DIR is filled to
 * its last byte, for {@code -Dfull} s (30), then the filling is deleted and the load goes on for {@code -Dafter} s
 * (30). Meanwhile readiness and liveness are polled every second, a spare account logs in during the full period
 * (territory or juror COUNT+1) and, for jurors, opens a dossier it never opened (its first opening writes a sheet).
 * Then every acknowledged write is read back. Exit status 1 when a check fails (each failure printed as FAIL), 0
 * otherwise; the figures are printed either way. Only the JDK (and Derby for files/phase): a single source file.
 */
public final class DiskFullLoad {
    private static final String PASSWORD = "Palmares-demo-2019";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern API = Pattern.compile("data-api=\"([^\"]+)\"");
    private static final Pattern VERSION_INPUT =
            Pattern.compile("<input[^>]*id=\"sheetForm:version\"[^>]*value=\"(\\d+)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w:-]*)=\"([^\"]*)\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignment\":(\\d+)");
    /** Writes sent this long after the fill must be refused: the storage is measured at most every second. */
    private static final long GRACE_NANOS = 2_000_000_000L;
    /**
     * A refusal must come at once: never after the 10 s of reconnection attempts seen before, and, on the median, no
     * slower than the acknowledged writes before the fill (the machine may be slow; a refusal must not add to it).
     */
    private static final long QUICK_MILLIS = 10_000;
    /** Readiness must come back up this soon after space is freed, without a restart. */
    private static final long RECOVERY_MILLIS = 30_000;

    private final String base;
    private final String side;
    private final Path fillDir;
    private final int count;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failureKinds = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> writes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sample> reads = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long filledAt = Long.MAX_VALUE;
    /** When the filling began: a probe answered after it may see the disk full (a slow machine fills slowly). */
    private volatile long fillStart = Long.MAX_VALUE;

    private volatile long freedAt = Long.MAX_VALUE;
    private volatile boolean stop;
    /** With {@code -Djournal=FILE}: every write, its target, the version it named and the answer, one per line. */
    private final java.io.PrintWriter journal = journal();

    private static java.io.PrintWriter journal() {
        String file = System.getProperty("journal");
        if (file == null) return null;
        try {
            return new java.io.PrintWriter(Files.newBufferedWriter(Path.of(file)), true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void journal(String... fields) {
        if (journal == null) return;
        synchronized (journal) {
            journal.println(System.nanoTime() + "\t" + String.join("\t", fields));
        }
    }

    /** One answered (or unanswered: status 0) request: what, when sent and answered, and what came back. */
    record Sample(String what, long sent, long answered, int status, String verdict) {
        long millis() {
            return (answered - sent) / 1_000_000;
        }
    }

    /** One readiness and liveness poll. */
    record Probe(long at, int ready, String storage, String problem, String reason, Object usable, int live) {}

    private DiskFullLoad(String base, String side, Path fillDir, int count) {
        this.base = base;
        this.side = side;
        this.fillDir = fillDir;
        this.count = count;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "files" -> System.exit(files(Path.of(args[1])) ? 0 : 1);
            case "phase" -> {
                phase(Path.of(args[1]), args[2]);
                System.exit(0);
            }
            case "territories", "jurors" -> {
                DiskFullLoad load = new DiskFullLoad(args[1], args[0], Path.of(args[2]), Integer.parseInt(args[3]));
                System.exit(load.run() ? 0 : 1);
            }
            default -> throw new IllegalArgumentException("territories, jurors, files or phase: " + args[0]);
        }
    }

    /** A failed check; the first ten of a kind are printed as they come, the count at the end. */
    private void fail(String what) {
        failures.add(what);
        String kind = what.replaceAll("\\d+", "#");
        if (failureKinds.merge(kind, 1, Integer::sum) <= 10) System.out.println("FAIL " + what);
    }

    // --- the cycle ---

    private boolean run() throws Exception {
        long warm = Long.getLong("warm", 15), full = Long.getLong("full", 30), after = Long.getLong("after", 30);
        List<Actor> actors = new ArrayList<>();
        for (int i = 1; i <= count; i++) actors.add(side.equals("jurors") ? new Juror(i) : new Territory(i));
        parallel(actors, 6, Actor::setUp);
        if (actors.stream().anyMatch(a -> !a.ready)) {
            fail("not every " + side + " could log in and set up: see above");
            return false;
        }
        System.out.printf(
                "%d %s logged in against %s; warm %d s, full %d s, after %d s%n", count, side, base, warm, full, after);
        List<Thread> threads = new ArrayList<>();
        for (Actor a : actors) threads.add(start(a::writeLoop));
        threads.add(start(() -> readLoop(actors, 0)));
        threads.add(start(() -> readLoop(actors, 1)));
        threads.add(start(this::probeLoop));

        Thread.sleep(warm * 1000);
        fillStart = System.nanoTime();
        List<Path> filling = fill();
        filledAt = System.nanoTime();
        long usable = Files.getFileStore(fillDir).getUsableSpace();
        System.out.printf(
                "filled %s in %d ms (%d files); usable now %d bytes%n",
                fillDir, (filledAt - fillStart) / 1_000_000, filling.size(), usable);
        Thread keeper = start(() -> keepFull(filling));
        Thread.sleep(5000);
        spareDuringFull();
        Thread.sleep(Math.max(0, full * 1000 - 5000));
        keeping = false;
        keeper.join();
        for (Path p : filling) Files.delete(p);
        freedAt = System.nanoTime();
        System.out.printf(
                "freed; usable now %d bytes%n", Files.getFileStore(fillDir).getUsableSpace());
        Thread.sleep(after * 1000);
        stop = true;
        for (Thread t : threads) t.join(120_000);
        if (side.equals("jurors")) spareAfter();

        report();
        verify(actors);
        failureKinds.forEach((kind, n) -> {
            if (n > 10) System.out.println("FAIL (" + n + " times in all) " + kind);
        });
        System.out.printf(
                "%s cycle: %s (%d checks failed)%n",
                side, failures.isEmpty() ? "every check passed" : "FAILED", failures.size());
        return failures.isEmpty();
    }

    private static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Fills the file system to its last byte: large files, then 4 KiB and 512-byte ones for the leftovers. */
    private List<Path> fill() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int chunk : new int[] {1 << 20, 4096, 512}) {
            Path file = fillDir.resolve("filling-" + chunk);
            files.add(file);
            byte[] zeros = new byte[chunk];
            try (OutputStream out = Files.newOutputStream(file)) {
                while (true) {
                    out.write(zeros);
                    out.flush();
                }
            } catch (IOException full) {
                // The file system is full at this chunk size: the next, smaller one takes what is left.
            }
        }
        return files;
    }

    private volatile boolean keeping = true;

    /**
     * Keeps the file system full: whatever the server frees meanwhile (Derby deletes old log files at a checkpoint)
     * is taken again within a fifth of a second, as by another process filling the disk.
     */
    private void keepFull(List<Path> filling) {
        Path crumbs = fillDir.resolve("filling-kept");
        synchronized (filling) {
            filling.add(crumbs);
        }
        byte[] zeros = new byte[512];
        try (OutputStream out = Files.newOutputStream(crumbs)) {
            while (keeping) {
                try {
                    while (keeping) out.write(zeros);
                } catch (IOException full) {
                    Thread.sleep(200);
                }
            }
        } catch (IOException | InterruptedException e) {
            fail("cannot keep the disk full: " + e);
        }
    }

    private String phaseOf(long sent, long answered) {
        if (answered < filledAt) return "before";
        if (sent >= filledAt + GRACE_NANOS && answered < freedAt) return "full";
        if (sent >= freedAt) return "after";
        return "transition";
    }

    // --- the actors ---

    /** One browser: a cookie jar, a language. */
    abstract class Actor {
        final String email;
        final String language;
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        volatile boolean ready;

        Actor(String email, int index) {
            this.email = email;
            this.language = index % 2 == 0 ? "en" : "fr";
        }

        abstract void setUp() throws Exception;

        /** One write; its sample is recorded. */
        abstract void write() throws Exception;

        /** One read of what this actor may see. */
        abstract void read() throws Exception;

        void writeLoop() {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(500));
                while (!stop) {
                    write();
                    // About an autosave's pace: a second or two between a person's writes.
                    Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(1000));
                }
            } catch (Exception e) {
                fail(email + ": writer stopped: " + e);
            }
        }

        HttpResponse<String> logIn() throws Exception {
            HttpResponse<String> page = get("/login.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:email", email);
            form.put("login:password", PASSWORD);
            form.put("login:next", "");
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", first(VIEW_STATE, page.body()));
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

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

        HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            requests.incrementAndGet();
            // As a browser: the session's requests say they come from Palmarès's own pages (SameOriginFilter).
            b.header("Origin", base).header("Accept-Language", language);
            return client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Sends a write and records it: 2xx is acknowledged; a 503 must be a problem saying, in this actor's
         * language, that the storage is full (or recovering), with a Retry-After; anything else is wrong.
         */
        HttpResponse<String> timedWrite(String what, Call call) throws Exception {
            long sent = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = call.send();
            } catch (IOException e) {
                writes.add(new Sample(
                        what,
                        sent,
                        System.nanoTime(),
                        0,
                        "no answer: " + e.getClass().getSimpleName()));
                return null;
            }
            long answered = System.nanoTime();
            String verdict = r.statusCode() / 100 == 2 ? "ok" : refusal(r, language);
            writes.add(new Sample(what, sent, answered, r.statusCode(), verdict));
            return r;
        }

        void timedRead(String what, String path) throws Exception {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> r = get(path);
                int hops = 0;
                String where = path;
                while (r.statusCode() / 100 == 3 && hops < 10) {
                    hops++;
                    where = r.headers().firstValue("Location").orElse("/");
                    r = send(HttpRequest.newBuilder(URI.create(base).resolve(where))
                            .GET());
                }
                String verdict = r.statusCode() == 200 && hops <= 2
                        ? "ok"
                        : hops > 2 ? hops + " redirects, last to " + where : "status " + r.statusCode();
                reads.add(new Sample(what, sent, System.nanoTime(), r.statusCode(), verdict));
            } catch (IOException e) {
                reads.add(new Sample(what, sent, System.nanoTime(), 0, "no answer: " + e));
            }
        }
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** What a refusal says: "ok-503" when it is the problem a full disk must give, else what is wrong with it. */
    static String refusal(HttpResponse<String> r, String language) {
        if (r.statusCode() != 503) return "status " + r.statusCode();
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "503 not a problem document";
        }
        if (r.headers().firstValue("Retry-After").isEmpty()) return "503 without Retry-After";
        Map<?, ?> problem = (Map<?, ?>) Json.parse(r.body());
        Object code = problem.get("code");
        if (!(code instanceof String c) || !c.startsWith("storage.")) return "503 code " + code;
        String detail = String.valueOf(problem.get("detail"));
        boolean inLanguage = language.equals("fr")
                ? detail.contains("stockage") || detail.contains("base de données")
                : detail.contains("storage") || detail.contains("database");
        if (!inLanguage) return "503 detail not in " + language + ": " + detail;
        return "ok-503 " + c;
    }

    /** A territory: creates a nomination in one more category every 15 s, saves it, adds PDFs to it. */
    final class Territory extends Actor {
        final int index;
        List<String> categories = List.of();
        final List<Nom> nominations = new ArrayList<>();
        long nextCreation;

        /** One of its nominations as it knows it: the version, the last summary acknowledged, the files. */
        final class Nom {
            final long id;
            long version;
            String ackedSummary;
            final Map<Long, Long> ackedFiles = new LinkedHashMap<>();
            boolean unanswered;

            Nom(long id, long version) {
                this.id = id;
                this.version = version;
            }
        }

        Territory(int index) {
            super(String.format("contact@charge-territoire%03d.demo.palmares.org", index), index);
            this.index = index;
        }

        @Override
        void setUp() throws Exception {
            if (logIn().statusCode() != 302) throw new IllegalStateException(email + " cannot log in");
            Map<?, ?> edition = (Map<?, ?>)
                    Json.parse(api("GET", "/api/v1/public/edition", null).body());
            categories = ((List<?>) edition.get("categories"))
                    .stream().map(c -> (String) ((Map<?, ?>) c).get("code")).toList();
            nextCreation = System.nanoTime() + ThreadLocalRandom.current().nextLong(15_000_000_000L);
            ready = true;
        }

        @Override
        void write() throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean due = System.nanoTime() >= nextCreation && nominations.size() < categories.size();
            if (due || nominations.isEmpty() && System.nanoTime() >= nextCreation) {
                create();
                return;
            }
            if (nominations.isEmpty()) return; // its first nomination is not due yet
            Nom n = nominations.get(random.nextInt(nominations.size()));
            if (random.nextBoolean()) save(n);
            else upload(n);
        }

        void create() throws Exception {
            String category = categories.get((index + nominations.size()) % categories.size());
            String title = "Clause du territoire " + index + " en " + category;
            HttpResponse<String> r = timedWrite(
                    "create",
                    () -> api(
                            "POST",
                            "/api/v1/editions/TC2019/nominations",
                            "{\"category\":\"" + category + "\",\"title\":\"" + title + "\"}"));
            if (r != null && r.statusCode() == 201) {
                Map<?, ?> created = (Map<?, ?>) Json.parse(r.body());
                nominations.add(new Nom(
                        ((Number) created.get("id")).longValue(), ((Number) created.get("version")).longValue()));
                nextCreation = System.nanoTime() + 15_000_000_000L;
            } else {
                nextCreation = System.nanoTime() + 3_000_000_000L; // refused: tries again a little later
            }
        }

        void save(Nom n) throws Exception {
            String summary = "Résumé " + System.nanoTime() + " du territoire " + index;
            HttpResponse<String> r = timedWrite(
                    "save",
                    () -> api(
                            "PUT",
                            "/api/v1/nominations/" + n.id,
                            "{\"summary\":\"" + summary + "\",\"answers\":{}}",
                            "If-Match",
                            "\"" + n.version + "\""));
            if (r == null) {
                n.unanswered = true;
                reload(n);
            } else if (r.statusCode() == 200) {
                n.version = ((Number) ((Map<?, ?>) Json.parse(r.body())).get("version")).longValue();
                n.ackedSummary = summary;
                n.unanswered = false;
            } else if (r.statusCode() == 412) {
                reload(n);
            }
        }

        void upload(Nom n) throws Exception {
            byte[] pdf = pdf(index, n.ackedFiles.size());
            HttpResponse<String> r = timedWrite(
                    "upload",
                    () -> send(HttpRequest.newBuilder(URI.create(base + "/api/v1/nominations/" + n.id + "/attachments"))
                            .header("Accept", "application/json")
                            .header("X-Requested-With", "XMLHttpRequest")
                            .header("Content-Type", "application/pdf")
                            .header("X-Filename", "bilan-" + index + "-" + n.ackedFiles.size() + ".pdf")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))));
            if (r != null && r.statusCode() == 201) {
                Map<?, ?> added = (Map<?, ?>) Json.parse(r.body());
                n.ackedFiles.put(((Number) added.get("id")).longValue(), ((Number) added.get("size")).longValue());
                reload(n); // a file changes the nomination's version, as the page learns from its next answer
            }
        }

        void reload(Nom n) throws Exception {
            HttpResponse<String> now = api("GET", "/api/v1/nominations/" + n.id, null);
            if (now.statusCode() == 200) {
                n.version = ((Number) ((Map<?, ?>) Json.parse(now.body())).get("version")).longValue();
            }
        }

        @Override
        void read() throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            switch (random.nextInt(3)) {
                case 0 -> timedRead("territory home page", "/territory/index.xhtml");
                case 1 -> timedRead("own nominations (REST)", "/api/v1/territory/nominations");
                default -> {
                    List<Nom> known = List.copyOf(nominations);
                    Nom n = known.isEmpty() ? null : known.get(random.nextInt(known.size()));
                    if (n == null) return;
                    List<Long> files = List.copyOf(n.ackedFiles.keySet());
                    if (files.isEmpty()) timedRead("a nomination (REST)", "/api/v1/nominations/" + n.id);
                    else timedRead("an attachment", "/api/v1/nominations/" + n.id + "/attachments/" + files.get(0));
                }
            }
        }
    }

    /** A juror: opens its dossiers once, then saves one of its sheets every few tenths of a second. */
    final class Juror extends Actor {
        final List<Sheet> sheets = new ArrayList<>();

        /** An open dossier page: where its script saves, the version it knows, the scales, the last values stored. */
        final class Sheet {
            final String assignment;
            final String api;
            long version;
            final Map<String, List<String>> scales = new LinkedHashMap<>();
            String acked;
            final List<String> unanswered = new ArrayList<>();
            final List<String> refused = new ArrayList<>();

            Sheet(String html, String assignment) {
                this.assignment = assignment;
                api = first(API, html).replace("&amp;", "&");
                version = Long.parseLong(first(VERSION_INPUT, html));
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
            }
        }

        Juror(int index) {
            super(String.format("charge-jure%03d@demo.palmares.org", index), index);
        }

        @Override
        void setUp() throws Exception {
            if (logIn().statusCode() != 302) throw new IllegalStateException(email + " cannot log in");
            Matcher m = ASSIGNMENT.matcher(
                    api("GET", "/api/v1/me/assignments", null).body());
            while (m.find()) {
                HttpResponse<String> page = get("/jury/dossier.xhtml?assignment=" + m.group(1));
                if (page.statusCode() != 200) throw new IllegalStateException(email + ": dossier " + page.statusCode());
                Sheet s = new Sheet(page.body(), m.group(1));
                if (s.scales.isEmpty()) throw new IllegalStateException(email + ": a read-only sheet (phase?)");
                sheets.add(s);
            }
            if (sheets.isEmpty()) throw new IllegalStateException(email + " has no dossier");
            ready = true;
        }

        @Override
        void write() throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Sheet s = sheets.get(random.nextInt(sheets.size()));
            TreeMap<Long, String> values = new TreeMap<>();
            StringBuilder scores = new StringBuilder();
            for (var c : s.scales.entrySet()) {
                String v = c.getValue().get(random.nextInt(c.getValue().size()));
                values.put(Long.parseLong(c.getKey()), v);
                scores.append(scores.length() == 0 ? "" : ",")
                        .append('"')
                        .append(c.getKey())
                        .append("\":{\"value\":")
                        .append(v)
                        .append('}');
            }
            String canonical = canonical(values);
            HttpResponse<String> r = timedWrite(
                    "sheet save",
                    () -> api("PUT", s.api, "{\"scores\":{" + scores + "}}", "If-Match", "\"" + s.version + "\""));
            journal(
                    email,
                    s.api,
                    "sent " + s.version,
                    r == null ? "no answer" : String.valueOf(r.statusCode()),
                    r == null ? "" : r.body().substring(0, Math.min(r.body().length(), 160)));
            if (r == null) {
                s.unanswered.add(canonical);
                reload(s);
            } else if (r.statusCode() == 200) {
                s.version = Long.parseLong(first(Pattern.compile("\"version\":(\\d+)"), r.body()));
                s.acked = canonical;
                s.unanswered.clear();
                s.refused.clear();
            } else if (r.statusCode() == 412) {
                reload(s);
            } else {
                s.refused.add(canonical);
            }
        }

        void reload(Sheet s) throws Exception {
            HttpResponse<String> now = api("GET", s.api, null);
            Matcher v = Pattern.compile("\"version\":(\\d+)").matcher(now.body());
            if (now.statusCode() == 200 && v.find()) s.version = Long.parseLong(v.group(1));
        }

        @Override
        void read() throws Exception {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Sheet s = sheets.get(random.nextInt(sheets.size()));
            switch (random.nextInt(3)) {
                case 0 -> timedRead("dossier page", "/jury/dossier.xhtml?assignment=" + s.assignment);
                case 1 -> timedRead("sheet (REST)", s.api);
                default -> timedRead("my assignments (REST)", "/api/v1/me/assignments");
            }
        }
    }

    /** The values a sheet holds, in a form that compares: "12=3,13=5". */
    static String canonical(Map<Long, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** A valid one-page PDF of about 48 KB, different for each territory and file, ending as a whole PDF does. */
    static byte[] pdf(int territory, int file) {
        StringBuilder text = new StringBuilder("BT /F1 10 Tf 72 720 Td (Bilan " + territory + "-" + file + ") Tj ET\n");
        while (text.length() < 48 * 1024) text.append("% ligne de remplissage du bilan de la clause sociale\n");
        String stream = text.toString();
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

    // --- readers, probes, the spare account ---

    private void readLoop(List<Actor> actors, int which) {
        // A visitor who never logs in: the login page, the public pages.
        Actor anonymous = new Territory(0);
        try {
            while (!stop) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (which == 0) {
                    switch (random.nextInt(3)) {
                        case 0 -> anonymous.timedRead("login page", "/login.xhtml");
                        case 1 -> anonymous.timedRead("home page", "/index.xhtml");
                        default -> anonymous.timedRead("public edition (REST)", "/api/v1/public/edition");
                    }
                } else {
                    actors.get(random.nextInt(actors.size())).read();
                }
                Thread.sleep(100 + random.nextInt(100));
            }
        } catch (Exception e) {
            fail("reader stopped: " + e);
        }
    }

    private void probeLoop() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            while (!stop) {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // When readiness answered: what it says held then.
                long at = System.nanoTime();
                HttpResponse<String> live = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/health/live"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Map<?, ?> storage = check(ready.body(), "storage");
                Map<?, ?> data = storage == null ? Map.of() : (Map<?, ?>) storage.get("data");
                probes.add(new Probe(
                        at,
                        ready.statusCode(),
                        storage == null ? "missing" : String.valueOf(storage.get("status")),
                        data == null ? null : (String) data.get("problem"),
                        data == null ? null : (String) data.get("reason"),
                        data == null ? null : data.get("usableBytes.data"),
                        live.statusCode()));
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            fail("health probe stopped: " + e);
        }
    }

    private static Map<?, ?> check(String health, String name) {
        Object parsed = Json.parse(health);
        if (!(parsed instanceof Map<?, ?> h) || !(h.get("checks") instanceof List<?> checks)) return null;
        for (Object c : checks) {
            if (c instanceof Map<?, ?> m && name.equals(m.get("name"))) return m;
        }
        return null;
    }

    /** A spare account logs in while the disk is full; a spare juror opens a dossier it never opened. */
    private void spareDuringFull() {
        try {
            Actor spare = side.equals("jurors") ? new Juror(count + 1) : new Territory(count + 1);
            long start = System.nanoTime();
            HttpResponse<String> login = spare.logIn();
            String landing = login.headers().firstValue("Location").orElse("");
            HttpResponse<String> home = login.statusCode() == 302 ? spare.get(landing.replace(base, "")) : login;
            System.out.printf(
                    "login during the full period: %d to %s, then %d (%d ms)%n",
                    login.statusCode(), landing, home.statusCode(), (System.nanoTime() - start) / 1_000_000);
            if (login.statusCode() != 302 || home.statusCode() != 200) {
                fail("a login while the disk is full answered " + login.statusCode() + " then " + home.statusCode());
            }
            if (spare instanceof Juror juror) {
                Matcher m = ASSIGNMENT.matcher(
                        juror.api("GET", "/api/v1/me/assignments", null).body());
                if (!m.find()) {
                    fail("the spare juror has no dossier");
                    return;
                }
                spareAssignment = m.group(1);
                HttpResponse<String> page = juror.get("/jury/dossier.xhtml?assignment=" + spareAssignment);
                boolean explained = page.body().contains("Enregistrement impossible")
                        && !page.body().contains("Une erreur s");
                System.out.printf(
                        "a dossier opened for the first time while the disk is full: %d, %s%n",
                        page.statusCode(), explained ? "the storage page" : "NOT the storage page");
                if (page.statusCode() != 503 || !explained) {
                    fail("first opening of a dossier while full: " + page.statusCode() + " without the 503 page");
                }
                spareJuror = juror;
            }
        } catch (Exception e) {
            fail("the spare account's login while full: " + e);
        }
    }

    private volatile String spareAssignment;
    private volatile Juror spareJuror;

    private void spareAfter() throws Exception {
        if (spareJuror == null) return;
        HttpResponse<String> page = spareJuror.get("/jury/dossier.xhtml?assignment=" + spareAssignment);
        System.out.printf("the same dossier once space is back: %d%n", page.statusCode());
        if (page.statusCode() != 200) fail("the spare juror's dossier after recovery: " + page.statusCode());
    }

    // --- figures and checks ---

    private void report() {
        Map<String, List<Sample>> byPhase = new LinkedHashMap<>();
        for (String p : List.of("before", "transition", "full", "after")) byPhase.put(p, new ArrayList<>());
        for (Sample s : writes) byPhase.get(phaseOf(s.sent(), s.answered())).add(s);
        System.out.println();
        System.out.println("writes by period (status: count), latency of the period's answers");
        for (var e : byPhase.entrySet()) System.out.println("  " + e.getKey() + ": " + figures(e.getValue()));

        List<Long> refused = new ArrayList<>();
        int acknowledgedWhileFull = 0;
        for (Sample s : byPhase.get("full")) {
            if (s.verdict().equals("ok")) {
                // Stored after all (Derby had room in a log file it had already allocated): read back below.
                acknowledgedWhileFull++;
            } else if (!s.verdict().startsWith("ok-503 storage.full")) {
                fail("a write while the disk was full (" + s.what() + "): " + s.status() + " " + s.verdict());
            } else if (s.millis() > QUICK_MILLIS) {
                fail("a refusal took " + s.millis() + " ms (" + s.what() + ")");
            } else {
                refused.add(s.millis());
            }
        }
        if (byPhase.get("full").isEmpty()) fail("no write was tried while the disk was full");
        List<Long> before = byPhase.get("before").stream()
                .filter(s -> s.verdict().equals("ok"))
                .map(Sample::millis)
                .sorted()
                .toList();
        Collections.sort(refused);
        long refusedMedian = refused.isEmpty() ? 0 : refused.get((refused.size() - 1) / 2);
        long beforeMedian = before.isEmpty() ? 0 : before.get((before.size() - 1) / 2);
        System.out.printf(
                "refusals while full: %d, median %d ms (acknowledged writes before the fill: median %d ms);"
                        + " acknowledged while full: %d%n",
                refused.size(), refusedMedian, beforeMedian, acknowledgedWhileFull);
        if (refusedMedian > beforeMedian * 3 / 2 + 250) {
            fail("refusals (median " + refusedMedian + " ms) slower than writes were (median " + beforeMedian + " ms)");
        }
        for (Sample s : byPhase.get("transition")) {
            if (!s.verdict().equals("ok") && !s.verdict().startsWith("ok-503") && s.status() != 0) {
                fail("a write as the disk filled or was freed (" + s.what() + "): " + s.status() + " " + s.verdict());
            }
        }
        for (Sample s : byPhase.get("before")) {
            // A write without an answer (the connection closed under it) is counted and read back, not a refusal.
            if (!s.verdict().equals("ok") && s.status() != 0) {
                fail("a write before the fill (" + s.what() + "): " + s.verdict());
            }
        }

        List<Probe> seen = new ArrayList<>(probes);
        long upAgain = seen.stream()
                .filter(p -> p.at() >= freedAt && p.ready() == 200)
                .mapToLong(Probe::at)
                .min()
                .orElse(Long.MAX_VALUE);
        long downAt = seen.stream()
                .filter(p -> p.at() >= filledAt && p.ready() == 503 && "DOWN".equals(p.storage()))
                .mapToLong(Probe::at)
                .min()
                .orElse(Long.MAX_VALUE);
        Probe fullProbe = seen.stream()
                .filter(p -> p.at() >= filledAt + GRACE_NANOS && p.at() < freedAt)
                .findFirst()
                .orElse(null);
        System.out.printf(
                "readiness: DOWN %s after the fill%s; UP again %s after space was freed%n",
                downAt == Long.MAX_VALUE ? "never" : (downAt - filledAt) / 1_000_000 + " ms",
                fullProbe == null ? "" : " (storage " + fullProbe.problem() + ": " + fullProbe.reason() + ")",
                upAgain == Long.MAX_VALUE ? "never" : (upAgain - freedAt) / 1_000_000 + " ms");
        for (Probe p : seen) {
            boolean duringFull = p.at() >= filledAt + GRACE_NANOS && p.at() < freedAt;
            if (duringFull
                    && (p.ready() != 503
                            || !"FULL".equals(p.problem())
                            || p.reason() == null
                            || p.reason().isBlank())) {
                fail("readiness while full: " + p);
            }
            if (p.live() != 200) fail("liveness not UP: " + p);
            if (p.at() < fillStart && p.ready() != 200) fail("readiness before the fill: " + p);
        }
        if (upAgain == Long.MAX_VALUE || upAgain - freedAt > RECOVERY_MILLIS * 1_000_000) {
            fail("readiness did not come back UP within " + RECOVERY_MILLIS / 1000 + " s of space being freed");
        }
        long firstWriteAgain = writes.stream()
                .filter(s -> s.sent() >= freedAt && s.status() / 100 == 2)
                .mapToLong(Sample::answered)
                .min()
                .orElse(Long.MAX_VALUE);
        System.out.printf(
                "first acknowledged write %s after space was freed%n",
                firstWriteAgain == Long.MAX_VALUE ? "never" : (firstWriteAgain - freedAt) / 1_000_000 + " ms");
        for (Sample s : byPhase.get("after")) {
            boolean recovered = s.sent() >= upAgain;
            if (s.status() == 0) continue;
            if (recovered
                    ? !s.verdict().equals("ok")
                    : !s.verdict().equals("ok") && !s.verdict().startsWith("ok-503")) {
                fail("a write after space was freed (" + s.what() + "): " + s.status() + " " + s.verdict());
            }
        }
        if (byPhase.get("after").stream().noneMatch(s -> s.status() / 100 == 2)) {
            fail("no write succeeded after space was freed");
        }

        Map<String, List<Sample>> readsByPhase = new LinkedHashMap<>();
        for (String p : List.of("before", "transition", "full", "after")) readsByPhase.put(p, new ArrayList<>());
        for (Sample s : reads) readsByPhase.get(phaseOf(s.sent(), s.answered())).add(s);
        System.out.println("reads by period (status: count), latency");
        for (var e : readsByPhase.entrySet()) System.out.println("  " + e.getKey() + ": " + figures(e.getValue()));
        Map<String, Integer> loginPage = new TreeMap<>();
        for (Sample s : reads) {
            if (s.what().equals("login page"))
                loginPage.merge(phaseOf(s.sent(), s.answered()) + " " + s.status(), 1, Integer::sum);
            if (!s.verdict().equals("ok")) {
                fail("a read (" + s.what() + ", " + phaseOf(s.sent(), s.answered()) + "): " + s.verdict());
            }
        }
        System.out.println("login page (period and status: count): " + loginPage);
        if (readsByPhase.get("full").isEmpty()) fail("no read was tried while the disk was full");
        long unanswered = writes.stream().filter(s -> s.status() == 0).count();
        System.out.printf(
                "HTTP requests: %d; writes without an answer (connection closed): %d%n", requests.get(), unanswered);
    }

    private static String figures(List<Sample> samples) {
        if (samples.isEmpty()) return "none";
        Map<String, Integer> statuses = new TreeMap<>();
        for (Sample s : samples) statuses.merge(String.valueOf(s.status()), 1, Integer::sum);
        List<Long> ms = samples.stream().map(Sample::millis).sorted().toList();
        return String.format(
                "%d %s; p50 %d ms, p95 %d ms, max %d ms",
                samples.size(),
                statuses,
                ms.get((int) Math.ceil(ms.size() * 0.50) - 1),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
                ms.get(ms.size() - 1));
    }

    /** Reads every acknowledged write back: each must be there, and no refused write may have been kept. */
    private void verify(List<Actor> actors) throws Exception {
        int acknowledged = 0, lost = 0, keptThoughRefused = 0, unanswered = 0;
        for (Actor a : actors) {
            if (a instanceof Juror j) {
                for (Juror.Sheet s : j.sheets) {
                    HttpResponse<String> r = j.api("GET", s.api, null);
                    String stored = storedValues(r.body());
                    if (s.acked != null) acknowledged++;
                    if (!s.unanswered.isEmpty()) unanswered++;
                    boolean asAcked = s.acked == null ? stored.isEmpty() : stored.equals(s.acked);
                    if (asAcked || s.unanswered.contains(stored)) continue;
                    if (s.refused.contains(stored)) {
                        keptThoughRefused++;
                        fail("a sheet holds a save answered 503: " + j.email + " " + s.api + " " + stored);
                    } else {
                        lost++;
                        fail("LOST " + j.email + " " + s.api + ": acknowledged " + s.acked + ", stored " + stored);
                    }
                }
            } else if (a instanceof Territory t) {
                HttpResponse<String> list = t.api("GET", "/api/v1/territory/nominations", null);
                List<Long> listed = ((List<?>) Json.parse(list.body()))
                        .stream()
                                .map(n -> ((Number) ((Map<?, ?>) n).get("id")).longValue())
                                .toList();
                for (Territory.Nom n : t.nominations) {
                    acknowledged++;
                    if (!listed.contains(n.id)) {
                        lost++;
                        fail("LOST nomination " + n.id + " of " + t.email);
                        continue;
                    }
                    Map<?, ?> stored = (Map<?, ?>) Json.parse(
                            t.api("GET", "/api/v1/nominations/" + n.id, null).body());
                    if (n.ackedSummary != null) {
                        acknowledged++;
                        if (!n.ackedSummary.equals(stored.get("summary")) && !n.unanswered) {
                            lost++;
                            fail("LOST summary of " + n.id + ": acknowledged " + n.ackedSummary + ", stored "
                                    + stored.get("summary"));
                        }
                    }
                    Map<Long, Long> files = new HashMap<>();
                    for (Object f :
                            (List<?>) Json.parse(t.api("GET", "/api/v1/nominations/" + n.id + "/attachments", null)
                                    .body())) {
                        Map<?, ?> file = (Map<?, ?>) f;
                        files.put(((Number) file.get("id")).longValue(), ((Number) file.get("size")).longValue());
                    }
                    for (var acked : n.ackedFiles.entrySet()) {
                        acknowledged++;
                        if (!acked.getValue().equals(files.get(acked.getKey()))) {
                            lost++;
                            fail("LOST attachment " + acked.getKey() + " of nomination " + n.id);
                        }
                    }
                }
            }
        }
        System.out.printf(
                "acknowledged writes read back: %d; lost %d; refused yet kept %d; sheets with a save left unanswered %d%n",
                acknowledged, lost, keptThoughRefused, unanswered);
    }

    private static String storedValues(String body) {
        Matcher values = Pattern.compile("\"values\":\\{([^}]*)}").matcher(body);
        if (!values.find()) return "";
        TreeMap<Long, String> sorted = new TreeMap<>();
        Matcher m = Pattern.compile("\"(\\d+)\":(\\d+)").matcher(values.group(1));
        while (m.find()) sorted.put(Long.parseLong(m.group(1)), m.group(2));
        return canonical(sorted);
    }

    private interface Setup {
        void run(Actor a) throws Exception;
    }

    private void parallel(List<Actor> actors, int threads, Setup task) throws InterruptedException {
        ConcurrentLinkedQueue<Actor> queue = new ConcurrentLinkedQueue<>(actors);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(start(() -> {
                Actor a;
                while ((a = queue.poll()) != null) {
                    try {
                        task.run(a);
                    } catch (Exception e) {
                        System.out.println(a.email + ": " + e);
                    }
                }
            }));
        }
        for (Thread w : workers) w.join();
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new IllegalStateException("Not found: " + p.pattern());
        return m.group(1);
    }

    // --- on the stopped database ---

    private static Connection database(Path data) throws Exception {
        return DriverManager.getConnection("jdbc:derby:" + data.resolve("db"), "palmares", "palmares");
    }

    /** Sets the edition's phase straight in the database: the server must be stopped (one Derby engine at a time). */
    private static void phase(Path data, String phase) throws Exception {
        try (Connection c = database(data);
                PreparedStatement s = c.prepareStatement("update edition set phase = ? where code = 'TC2019'")) {
            s.setString(1, phase);
            if (s.executeUpdate() != 1) throw new IllegalStateException("no edition TC2019");
        }
        shutdown(data);
        System.out.println("edition TC2019 now in phase " + phase);
    }

    /** Every attachment row has its file, whole (its size, a PDF's end); every file its row; nothing half-written. */
    private static boolean files(Path data) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = database(data);
                PreparedStatement s = c.prepareStatement("select stored_name, size_bytes from attachment");
                ResultSet r = s.executeQuery()) {
            while (r.next()) rows.put(r.getString(1), r.getLong(2));
        }
        shutdown(data);
        Path dir = data.resolve("attachments");
        int files = 0, orphans = 0, missing = 0, wrong = 0, temporary = 0;
        List<String> problems = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
                for (Path f : all) {
                    files++;
                    String name = f.getFileName().toString();
                    Long size = rows.get(name);
                    if (name.endsWith(".part") || name.startsWith(".palmares-probe")) {
                        temporary++;
                        problems.add("temporary file left: " + name);
                    } else if (size == null) {
                        orphans++;
                        problems.add("orphan file (no row): " + name);
                    } else if (Files.size(f) != size || !endsAsPdf(f)) {
                        wrong++;
                        problems.add("half-written file: " + name + " (" + Files.size(f) + " bytes, row " + size + ")");
                    }
                }
            }
        }
        for (String name : rows.keySet()) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                missing++;
                problems.add("row without its file: " + name);
            }
        }
        try (DirectoryStream<Path> top = Files.newDirectoryStream(data, ".palmares-probe-*")) {
            for (Path p : top) {
                temporary++;
                problems.add("probe file left: " + p);
            }
        }
        problems.forEach(p -> System.out.println("FAIL " + p));
        System.out.printf(
                "attachment files: %d rows, %d files; orphans %d, rows without file %d, half-written %d,"
                        + " temporary left %d%n",
                rows.size(), files, orphans, missing, wrong, temporary);
        return problems.isEmpty();
    }

    private static boolean endsAsPdf(Path f) throws IOException {
        byte[] all = Files.readAllBytes(f);
        String tail =
                new String(all, Math.max(0, all.length - 16), Math.min(16, all.length), StandardCharsets.US_ASCII);
        return !new String(all, 0, Math.min(5, all.length), StandardCharsets.US_ASCII).startsWith("%PDF")
                || tail.contains("%%EOF");
    }

    private static void shutdown(Path data) {
        try {
            DriverManager.getConnection("jdbc:derby:" + data.resolve("db") + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // 08006: Derby's way of saying the database was shut down.
        }
    }

    /** Just enough JSON to read the API's answers. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            return new Json(text).value();
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
                    i++;
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
