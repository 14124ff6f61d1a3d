package org.palmares.ceremony;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.palmares.platform.SameOrigin;

/**
 * The live link to the big screen: {@code /ceremony/socket/{edition}}. Presenters and remotes listen; every change
 * of the edition's ceremony on this instance is pushed at once as {@code {"index":…,"black":…,"deck":…}}. Organisers
 * only: web.xml guards /ceremony/*, the handshake records the caller's role, and the opening checks it again.
 * Other instances are not reached by this push: their presenters poll the state in the database every 2 s.
 */
@ServerEndpoint(value = "/ceremony/socket/{edition}", configurator = CeremonySocket.Guard.class)
public class CeremonySocket {
    private static final Logger LOG = Logger.getLogger(CeremonySocket.class.getName());
    private static final String ORGANISER = "palmares.organiser";
    private static final String SAME_ORIGIN = "palmares.sameOrigin";
    private static final Map<String, Set<Session>> LISTENERS = new ConcurrentHashMap<>();

    @Inject
    CeremonyService ceremonies;

    /**
     * Records at the handshake whether the HTTP caller is an organiser, and whether the page that opens the socket is
     * one of Palmarès's own: a browser sends its session cookie with a WebSocket handshake from any site, so another
     * site's page could otherwise listen to the big screen.
     */
    public static class Guard extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().put(ORGANISER, request.isUserInRole("ORGANISER"));
            String origin = first(request, "Origin");
            boolean same = origin == null
                    || SameOrigin.isOwn(
                            origin,
                            first(request, "Host"),
                            ConfigProvider.getConfig().getOptionalValue("palmares.base.url", String.class));
            config.getUserProperties().put(SAME_ORIGIN, same);
        }

        private static String first(HandshakeRequest request, String header) {
            for (var e : request.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(header) && !e.getValue().isEmpty())
                    return e.getValue().get(0);
            }
            return null;
        }
    }

    @OnOpen
    public void open(Session session, @PathParam("edition") String edition) throws IOException {
        var principal = session.getUserPrincipal();
        boolean organiser = Boolean.TRUE.equals(session.getUserProperties().get(ORGANISER))
                && Boolean.TRUE.equals(session.getUserProperties().get(SAME_ORIGIN))
                && principal != null
                && ceremonies.isOrganiser(principal.getName());
        if (!organiser) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "organisers only"));
            return;
        }
        LISTENERS.computeIfAbsent(edition, e -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @OnClose
    public void close(Session session, @PathParam("edition") String edition) {
        forget(session, edition);
    }

    @OnError
    public void error(Session session, @PathParam("edition") String edition, Throwable e) {
        LOG.log(Level.FINE, "Ceremony socket closed on error", e);
        forget(session, edition);
    }

    private static void forget(Session session, String edition) {
        Set<Session> sessions = LISTENERS.get(edition);
        if (sessions != null) sessions.remove(session);
    }

    /** Pushes a change to every screen of the edition connected to this instance. */
    static void push(CeremonyChanged change) {
        Set<Session> sessions = LISTENERS.getOrDefault(change.edition(), Set.of());
        String json = change.json();
        for (Session s : sessions) {
            if (s.isOpen()) {
                try {
                    s.getAsyncRemote().sendText(json);
                } catch (IllegalStateException busy) {
                    // The screen still polls the state: one missed push costs it at most the poll's interval.
                    LOG.log(Level.FINE, "Ceremony push skipped for a busy socket", busy);
                }
            } else {
                sessions.remove(s);
            }
        }
    }
}
