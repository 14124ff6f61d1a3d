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
import org.palmares.nomination.TerritoryService;
import org.palmares.platform.Messages;

/**
 * A juror's declaration of conflicts of interest: the nominations they cannot judge, and the territories they have
 * ties with, each with a reason. In a blind-review edition nothing on this page ties a dossier to its territory: the
 * nominations show their title and category only, the territories are the whole network's (alphabetical, whether or
 * not they sent anything), and a territory declared marks none of its dossiers here.
 */
@Named
@ViewScoped
public class ConflictsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @Inject
    transient JurorService jurors;

    @Inject
    transient TerritoryService territoryService;

    private List<Row> rows;
    private List<TerritoryRow> territories;
    private List<Row> filtered;
    private boolean blind;
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
        blind = edition.isBlindReview();
        var conflicts = jurors.conflictsOf(me);
        Set<Long> declared = conflicts.stream()
                .filter(c -> c.getNomination() != null)
                .map(c -> c.getNomination().getId())
                .collect(Collectors.toSet());
        Set<Long> ofTerritories = conflicts.stream()
                .filter(c -> c.getTerritory() != null)
                .map(c -> c.getTerritory().getId())
                .collect(Collectors.toSet());
        rows = new ArrayList<>();
        for (var n : jurors.declarable(edition)) {
            // Blind: a declared territory must not mark its dossiers, or the page would say which are whose.
            boolean blocked = declared.contains(n.getId())
                    || (!blind && ofTerritories.contains(n.getTerritory().getId()));
            rows.add(new Row(
                    n.getId(),
                    n.getTitle(),
                    n.getCategory().name(locale),
                    blind ? null : n.getTerritory().getName(),
                    blocked));
        }
        territories = territoryService.all().stream()
                .map(t -> new TerritoryRow(t.getId(), t.getName(), ofTerritories.contains(t.getId())))
                .toList();
        stated = conflicts.stream().map(c -> Stated.of(c, locale)).toList();
    }

    public void save() {
        var context = FacesContext.getCurrentInstance();
        Locale locale = context.getViewRoot().getLocale();
        List<Row> chosen =
                rows.stream().filter(r -> r.selected && !r.conflicted).toList();
        List<TerritoryRow> ties =
                territories.stream().filter(t -> t.selected && !t.conflicted).toList();
        List<String> withoutReason = new ArrayList<>();
        chosen.stream().filter(r -> blank(r.reason)).forEach(r -> withoutReason.add(r.title));
        ties.stream().filter(t -> blank(t.reason)).forEach(t -> withoutReason.add(t.name));
        if (!withoutReason.isEmpty()) {
            withoutReason.forEach(name -> context.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            Messages.get(locale, "conflict.reason.missingFor", name),
                            null)));
            context.validationFailed();
            return;
        }
        Edition edition = editions.getCurrent();
        chosen.forEach(r -> jurors.declareConflict(edition, r.nominationId, r.reason));
        ties.forEach(t -> jurors.declareTerritoryConflict(edition, t.territoryId, t.reason));
        int count = chosen.size() + ties.size();
        load(edition, jurors.ofCaller(edition).orElseThrow());
        context.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        Messages.get(locale, count == 0 ? "conflict.none" : "conflict.saved", count),
                        null));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public List<TerritoryRow> getTerritories() {
        return territories;
    }

    /** The rows the search keeps (PrimeFaces keeps them here between requests). */
    public List<Row> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<Row> filtered) {
        this.filtered = filtered;
    }

    /** How many nominations the list holds in a category (its heading says it). */
    public long countIn(String category) {
        return rows.stream().filter(r -> r.category.equals(category)).count();
    }

    /** How many categories the list spans. */
    public long getCategoryCount() {
        return rows.stream().map(r -> r.category).distinct().count();
    }

    /** How many nominations of the list the juror already cannot judge. */
    public long getConflictedCount() {
        return rows.stream().filter(r -> r.conflicted).count();
    }

    public boolean isBlind() {
        return blind;
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

    /** One territory of the network: a tie the juror may declare, and why. */
    public static class TerritoryRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long territoryId;
        private final String name;
        private final boolean conflicted;
        private boolean selected;
        private String reason;

        TerritoryRow(long territoryId, String name, boolean conflicted) {
            this.territoryId = territoryId;
            this.name = name;
            this.conflicted = conflicted;
        }

        public long getTerritoryId() {
            return territoryId;
        }

        public String getName() {
            return name;
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
