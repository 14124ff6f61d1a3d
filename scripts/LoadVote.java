import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-model load driver for the public vote: sends requests at a fixed rate whatever the server's answer time,
 * and measures each latency from the instant the request was due (so a slow server cannot hide its queue).
 *
 *   java scripts/LoadVote.java cast BASE NOMINATION_IDS RATE SECONDS     POST /api/v1/editions/TC<year>/votes
 *   java scripts/LoadVote.java page BASE PATH RATE SECONDS               GET BASE+PATH
 *
 * NOMINATION_IDS is a comma-separated list; every cast uses a new address. Prints one summary line.
 */
public class LoadVote {
    /** The live demo edition: TC and this year in Paris (PALMARES_EDITION to choose another). */
    private static final String EDITION = System.getenv().getOrDefault(
            "PALMARES_EDITION", "TC" + java.time.Year.now(java.time.ZoneId.of("Europe/Paris")));
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        String target = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String[] ids = target.split(",");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(64))
                .build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sessions = new AtomicInteger();
        AtomicLong sequence = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        var scheduler = Executors.newScheduledThreadPool(2);
        long periodNanos = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        long start = System.nanoTime() + 100_000_000L;
        List<java.util.concurrent.CompletableFuture<Void>> pending = Collections.synchronizedList(new ArrayList<>());
        var done = new java.util.concurrent.CountDownLatch(1);
        scheduler.scheduleAtFixedRate(
                () -> {
                    long now = System.nanoTime();
                    // Catch up on every request that is due, so the rate holds even when a tick comes late.
                    while (true) {
                        long n = sequence.get();
                        if (n >= total) {
                            done.countDown();
                            return;
                        }
                        long due = start + n * periodNanos;
                        if (due > now) return;
                        if (!sequence.compareAndSet(n, n + 1)) continue;
                        HttpRequest request;
                        if (mode.equals("cast")) {
                            String body = "{\"category\":\"CDC\",\"nomination\":" + ids[(int) (n % ids.length)]
                                    + ",\"email\":\"load-" + run + "-" + n + "@example.org\"}";
                            request = HttpRequest.newBuilder(URI.create(base + "/api/v1/editions/" + EDITION + "/votes"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build();
                        } else {
                            request = HttpRequest.newBuilder(URI.create(base + target))
                                    .timeout(Duration.ofSeconds(30))
                                    .GET()
                                    .build();
                        }
                        pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                                .handle((response, error) -> {
                                    latencies.add((System.nanoTime() - due) / 1000);
                                    if (error != null) {
                                        failures.incrementAndGet();
                                    } else {
                                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                                                .incrementAndGet();
                                        if (response.headers().allValues("Set-Cookie").stream()
                                                .anyMatch(c -> c.startsWith("JSESSIONID"))) {
                                            sessions.incrementAndGet();
                                        }
                                    }
                                    return null;
                                }));
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        done.await();
        long sentAt = System.nanoTime();
        java.util.concurrent.CompletableFuture.allOf(pending.toArray(new java.util.concurrent.CompletableFuture[0]))
                .get(120, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int ok = statuses.entrySet().stream()
                .filter(e -> mode.equals("cast") ? e.getKey() == 202 : e.getKey() == 200)
                .mapToInt(e -> e.getValue().get())
                .sum();
        long errors = sorted.size() - ok;
        double elapsed = (sentAt - start) / 1e9;
        System.out.printf(
                "%s %s: %d requests in %.1f s (%.0f req/s offered), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms,"
                        + " errors %d (%.2f %%), statuses %s, connection failures %d, session cookies %d%n",
                mode,
                mode.equals("cast") ? "POST /votes" : target,
                sorted.size(),
                elapsed,
                sorted.size() / elapsed,
                pct(sorted, 0.50),
                pct(sorted, 0.90),
                pct(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0,
                errors,
                sorted.isEmpty() ? 0 : 100.0 * errors / sorted.size(),
                statuses,
                failures.get(),
                sessions.get());
        System.exit(0);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
    }
}
