package org.palmares.nomination;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;

/**
 * Tests only (added to a test deployment, never in the WAR): gives a nomination that no longer takes files (an eligible
 * one, a laureate) a PNG picture, as its territory would have uploaded it while drafting, without any consent.
 * {@code POST /it/picture?nomination=12} (or {@code ?reference=TC2019-SOC-003}) answers "nominationId attachmentId
 * memberEmail".
 */
@WebServlet("/it/picture")
public class PictureFixture extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A 1 × 1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @PersistenceContext
    transient EntityManager em;

    @Resource
    transient UserTransaction tx;

    @Inject
    transient AttachmentService attachments;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String reference = request.getParameter("reference");
            long id = reference != null
                    ? em.createQuery("select n.id from Nomination n where n.reference = :r", Long.class)
                            .setParameter("r", reference)
                            .getSingleResult()
                    : Long.parseLong(request.getParameter("nomination"));
            String stored = "fixture-" + System.nanoTime();
            Files.write(attachments.directory().resolve(stored), PNG);
            tx.begin();
            Nomination n = em.find(Nomination.class, id);
            var a = new Attachment(n, "photo.png", stored, "image/png", PNG.length, null, Instant.now());
            em.persist(a);
            n.getAttachments().add(a);
            String member = n.getTerritory().getMembers().iterator().next().getEmail();
            tx.commit();
            em.getEntityManagerFactory().getCache().evict(Nomination.class, id);
            response.setContentType("text/plain");
            response.getWriter().write(id + " " + a.getId() + " " + member);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
