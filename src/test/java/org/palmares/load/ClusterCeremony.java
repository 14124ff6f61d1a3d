package org.palmares.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceremony across a cluster (scripts/cluster-failover.sh): the presenter's screen is connected to node B (its
 * WebSocket, on an organiser's session there), the remote presses "next" on node A; the move must reach the screen
 * through the cluster topic, well before the screens' own 2-second poll would catch it. JDK only.
 *
 *   java src/test/java/org/palmares/load/ClusterCeremony.java NODE_A NODE_B [MOVES]
 *
 * Prints each delay and exits 1 if a move did not arrive within one second.
 */
public class ClusterCeremony {
    /** The live demo edition: TC and this year in Paris (PALMARES_EDITION to choose another). */
    private static final String EDITION = System.getenv()
            .getOrDefault("PALMARES_EDITION", "TC" + java.time.Year.now(java.time.ZoneId.of("Europe/Paris")));

    private static final String ORGANISER = "organisateur@demo.palmares.org";
    private static final String PASSWORD = "Palmares-demo-2019";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        int moves = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(b + "/login.xhtml"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher state = VIEW_STATE.matcher(login);
        if (!state.find()) throw new IllegalStateException("no login form on " + b);
        String form = "login=login&login%3Aemail=" + URLEncoder.encode(ORGANISER, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + PASSWORD + "&login%3Anext=&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        int status = browser.send(
                        HttpRequest.newBuilder(URI.create(b + "/login.xhtml"))
                                .header("Origin", b)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 302) throw new IllegalStateException("organiser login on " + b + " answered " + status);

        var messages = new LinkedBlockingQueue<String>();
        WebSocket socket = browser.newWebSocketBuilder()
                .buildAsync(
                        URI.create(b.replaceFirst("^http", "ws") + "/ceremony/socket/" + EDITION),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                messages.add(data.toString());
                                ws.request(1);
                                return null;
                            }
                        })
                .get(20, TimeUnit.SECONDS);

        HttpClient remote = HttpClient.newHttpClient();
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((ORGANISER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        boolean allOnTime = true;
        for (int i = 0; i < moves; i++) {
            messages.clear();
            long start = System.nanoTime();
            int answer = remote.send(
                            HttpRequest.newBuilder(URI.create(a + "/api/v1/ceremony/" + EDITION + "/state"))
                                    .header("Authorization", basic)
                                    .header("Content-Type", "application/json")
                                    .header("Accept", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"action\":\"" + (i % 2 == 0 ? "next" : "back") + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            long answered = System.nanoTime();
            String pushed = messages.poll(1, TimeUnit.SECONDS);
            double ms = (System.nanoTime() - answered) / 1e6;
            double call = (answered - start) / 1e6;
            boolean onTime = answer == 200 && pushed != null;
            allOnTime &= onTime;
            System.out.printf(
                    "move %d on node A (%d in %.0f ms, HTTP Basic included): %s%n",
                    i + 1,
                    answer,
                    call,
                    onTime
                            ? String.format("the screen on node B was told %.0f ms after that answer: %s", ms, pushed)
                            : "the screen on node B was NOT told within a second");
        }
        socket.abort();
        System.exit(allOnTime ? 0 : 1);
    }
}
