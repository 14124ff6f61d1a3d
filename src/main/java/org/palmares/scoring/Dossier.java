package org.palmares.scoring;

import java.io.Serializable;
import java.util.List;

/**
 * What a juror reads of one assigned nomination, already in their language and already stripped of anything naming
 * the territory when the edition reviews blind. Small on purpose: pages keep it for one request only.
 */
public record Dossier(
        long assignmentId,
        long nominationId,
        String reference,
        String title,
        String summaryHtml,
        String categoryCode,
        String categoryName,
        String territory,
        boolean blind,
        List<AnswerLine> answers,
        List<FileLine> files,
        long editionId) {

    /** An extra question of the form and the nomination's answer. */
    public record AnswerLine(String label, String value) implements Serializable {}

    /** An attached file: its name (a neutral one in blind mode), type and where to read it. */
    public record FileLine(long id, String name, String contentType, long size, boolean image, boolean pdf, String href)
            implements Serializable {}
}
