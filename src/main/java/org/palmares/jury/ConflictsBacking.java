package org.palmares.jury;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Messages;

/** A juror's declaration of conflicts of interest: the nominations they cannot judge, each with a reason. */
@Named
@ViewScoped
public class ConflictsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @Inject
    transient JurorService jurors;

    private List<Row> rows;
    private List<Stated> stated;
    private boolean juror;

    public void onLoad() throws IOException {
        Edition edition = editions.getCurrent();
        var me = jurors.ofCaller(edition);
        juror = me.isPresent();
        if (me.isEmpty()) return;
        if (!me.get().hasAcceptedConfidentiality()) {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/jury/charter.xhtml");
            return;
        }
        load(edition, me.get());
    }

    private void load(Edition edition, Juror me) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        var conflicts = jurors.conflictsOf(me);
        Set<Long> declared = conflicts.stream()
                .filter(c -> c.getNomination() != null)
                .map(c -> c.getNomination().getId())
                .collect(Collectors.toSet());
        Set<Long> territories = conflicts.stream()
                .filter(c -> c.getTerritory() != null)
                .map(c -> c.getTerritory().getId())
                .collect(Collectors.toSet());
        rows = new ArrayList<>();
        for (var n : jurors.declarable(edition)) {
            boolean blocked = declared.contains(n.getId())
                    || territories.contains(n.getTerritory().getId());
            rows.add(new Row(
                    n.getId(),
                    n.getTitle(),
                    n.getCategory().name(locale),
                    n.getTerritory().getName(),
                    blocked));
        }
        stated = conflicts.stream().map(c -> Stated.of(c, locale)).toList();
    }

    public void save() {
        var context = FacesContext.getCurrentInstance();
        Locale locale = context.getViewRoot().getLocale();
        List<Row> chosen =
                rows.stream().filter(r -> r.selected && !r.conflicted).toList();
        List<Row> withoutReason = chosen.stream()
                .filter(r -> r.reason == null || r.reason.isBlank())
                .toList();
        if (!withoutReason.isEmpty()) {
            withoutReason.forEach(r -> context.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            Messages.get(locale, "conflict.reason.missingFor", r.title),
                            null)));
            context.validationFailed();
            return;
        }
        Edition edition = editions.getCurrent();
        chosen.forEach(r -> jurors.declareConflict(edition, r.nominationId, r.reason));
        load(edition, jurors.ofCaller(edition).orElseThrow());
        context.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        Messages.get(locale, chosen.isEmpty() ? "conflict.none" : "conflict.saved", chosen.size()),
                        null));
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Stated> getStated() {
        return stated;
    }

    public boolean isJuror() {
        return juror;
    }

    /** One nomination of the list: what the juror sees of it, and what they say. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long nominationId;
        private final String title;
        private final String category;
        private final String territory;
        private final boolean conflicted;
        private boolean selected;
        private String reason;

        Row(long nominationId, String title, String category, String territory, boolean conflicted) {
            this.nominationId = nominationId;
            this.title = title;
            this.category = category;
            this.territory = territory;
            this.conflicted = conflicted;
        }

        public long getNominationId() {
            return nominationId;
        }

        public String getTitle() {
            return title;
        }

        public String getCategory() {
            return category;
        }

        public String getTerritory() {
            return territory;
        }

        public boolean isConflicted() {
            return conflicted;
        }

        public boolean isSelected() {
            return selected;
        }

        public void setSelected(boolean selected) {
            this.selected = selected;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** A conflict already on record, explained. */
    public record Stated(String subject, String explanation) implements Serializable {
        static Stated of(Conflict c, Locale locale) {
            String subject = c.getNomination() != null
                    ? c.getNomination().getTitle()
                    : c.getTerritory().getName();
            String explanation = Messages.get(
                    locale, "conflict.kind." + c.getKind().name(), c.getReason() == null ? "" : c.getReason());
            return new Stated(subject, explanation);
        }

        public String getSubject() {
            return subject;
        }

        public String getExplanation() {
            return explanation;
        }
    }
}
