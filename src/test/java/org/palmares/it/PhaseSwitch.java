package org.palmares.it;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import org.palmares.edition.Phase;

/**
 * Tests only (added to the test deployments, never in the WAR): puts an edition in a phase at once, as months of an
 * edition's life would, so that a test of scoring or of the ceremony does not first have to wait for a nomination
 * deadline. {@code POST /it/phase?edition=TC2019&phase=SCORING}; in-container tests call {@link #set} directly.
 */
@WebServlet("/it/phase")
public class PhaseSwitch extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @PersistenceContext
    transient EntityManager em;

    @Resource
    transient UserTransaction tx;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            set(em, tx, request.getParameter("edition"), Phase.valueOf(request.getParameter("phase")));
            response.setStatus(204);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** Sets the edition's phase in a transaction of its own. */
    public static void set(EntityManager em, UserTransaction tx, String edition, Phase phase) throws Exception {
        tx.begin();
        int changed = em.createQuery("update Edition e set e.phase = :p where e.code = :c")
                .setParameter("p", phase)
                .setParameter("c", edition)
                .executeUpdate();
        tx.commit();
        if (changed != 1) throw new IllegalArgumentException("no edition " + edition);
        em.getEntityManagerFactory().getCache().evictAll();
    }

    /** Moves a test's own new edition (not yet stored) on to a phase, through the edition's own verb. */
    public static org.palmares.edition.Edition advance(org.palmares.edition.Edition edition, Phase phase) {
        while (edition.getPhase().compareTo(phase) < 0) edition.advance();
        return edition;
    }

    /** From a test that runs as a client: the same over HTTP. */
    public static void set(URL deployment, String edition, Phase phase) {
        HttpResponse<String> r =
                new Http(deployment).request("POST", "/it/phase?edition=" + edition + "&phase=" + phase.name(), null);
        if (r.statusCode() != 204) {
            throw new IllegalStateException(
                    "phase " + phase + " of " + edition + ": " + r.statusCode() + " " + r.body());
        }
    }
}
