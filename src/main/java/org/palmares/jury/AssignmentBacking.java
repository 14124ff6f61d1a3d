package org.palmares.jury;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.jury.assignment.AssignmentPlan;
import org.palmares.jury.assignment.Pair;
import org.palmares.jury.assignment.Shortfall;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Messages;

/** The organisers' assignment page: settings, solver runs, their outcome, and changes by hand. */
@Named
@ViewScoped
public class AssignmentBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @Inject
    transient AssignmentService assignments;

    @Min(0)
    @Max(1000)
    private int missingExpertise;

    @Min(0)
    @Max(1000)
    private int sameRegion;

    @Min(0)
    @Max(1000)
    private int balance;

    @Min(0)
    @Max(60)
    private int reminderDays;

    private Long addNomination;
    private Long addJuror;
    private Long swapAssignment;
    private Long swapJuror;

    /** The explanation of the last infeasible run of this view, one line per nomination that falls short. */
    private List<String> shortfalls = List.of();

    private String shortfallTotal;

    private transient View view;

    @PostConstruct
    void load() {
        AssignmentSettings s = assignments.settings(editions.getCurrent());
        missingExpertise = s.getMissingExpertise();
        sameRegion = s.getSameRegion();
        balance = s.getBalance();
        reminderDays = s.getReminderDays();
    }

    public void saveSettings() {
        assignments.saveSettings(editions.getCurrent().getId(), missingExpertise, sameRegion, balance, reminderDays);
        info("assignment.settings.saved");
    }

    public void assign() {
        run(AssignmentRun.Mode.FULL);
    }

    public void fillGaps() {
        run(AssignmentRun.Mode.FILL_GAPS);
    }

    private void run(AssignmentRun.Mode mode) {
        Edition edition = editions.getCurrent();
        var outcome = assignments.run(edition.getId(), mode);
        view = null;
        AssignmentPlan plan = outcome.plan();
        if (outcome.saved()) {
            shortfalls = List.of();
            shortfallTotal = null;
            info(
                    "assignment.run.saved",
                    plan.objective(),
                    outcome.added().size(),
                    outcome.deleted().size());
            return;
        }
        Map<String, Nomination> byId = assignments.eligible(edition).stream()
                .collect(Collectors.toMap(AssignmentService::id, Function.identity()));
        Locale locale = locale();
        List<String> lines = new ArrayList<>();
        int newJurors = 0;
        for (Shortfall s : plan.shortfalls()) {
            Nomination n = byId.get(s.nominationId());
            List<String> why = new ArrayList<>();
            if (s.missingBecauseOfConflicts() > 0) {
                why.add(Messages.get(locale, "assignment.infeasible.conflicts", s.jurorsWithoutConflict()));
            }
            if (s.missingBecauseOfCapacity() > 0) {
                why.add(Messages.get(locale, "assignment.infeasible.capacity", s.jurorsFull()));
            }
            newJurors = Math.max(newJurors, s.missingBecauseOfConflicts());
            lines.add(Messages.get(
                    locale,
                    "assignment.infeasible.line",
                    n == null ? s.nominationId() : n.getReference() + " — " + n.getTitle(),
                    s.assigned(),
                    s.required(),
                    s.missing(),
                    String.join(" ; ", why)));
        }
        shortfalls = lines;
        shortfallTotal = Messages.get(locale, "assignment.infeasible.total", plan.missingAssignments())
                + (newJurors > 0 ? " " + Messages.get(locale, "assignment.infeasible.newJurors", newJurors) : "");
        error("assignment.run.infeasible");
    }

    public void lock(long assignmentId) {
        assignments.lock(assignmentId, true);
        view = null;
    }

    public void unlock(long assignmentId) {
        assignments.lock(assignmentId, false);
        view = null;
    }

    public void remove(long assignmentId) {
        assignments.remove(assignmentId);
        view = null;
        info("assignment.removed");
    }

    public void add() {
        if (addJuror == null || addNomination == null) {
            throw org.palmares.platform.DomainException.invalid("assignment.add.missing");
        }
        assignments.add(addJuror, addNomination);
        view = null;
        addJuror = null;
        addNomination = null;
        info("assignment.added");
    }

    public void swap() {
        if (swapAssignment == null || swapJuror == null) {
            throw org.palmares.platform.DomainException.invalid("assignment.swap.missing");
        }
        assignments.swap(swapAssignment, swapJuror);
        view = null;
        swapAssignment = null;
        swapJuror = null;
        info("assignment.swapped");
    }

    private View view() {
        if (view == null) view = View.of(editions.getCurrent(), assignments);
        return view;
    }

    public List<Row> getRows() {
        return view().rows;
    }

    public AssignmentStats getStats() {
        return view().stats;
    }

    public AssignmentRun getLastRun() {
        return view().lastRun;
    }

    public List<String> getAddedSinceLast() {
        return view().added;
    }

    public List<String> getRemovedSinceLast() {
        return view().removed;
    }

    public List<Juror> getJurors() {
        return view().jurors;
    }

    public List<Nomination> getNominations() {
        return view().rows.stream().map(Row::getNomination).toList();
    }

    public List<Assignment> getAssignments() {
        return view().rows.stream().flatMap(r -> r.assignments.stream()).toList();
    }

    public String getZone() {
        return editions.getCurrent().getTimeZone();
    }

    /** What the page shows, read once per request. */
    private record View(
            List<Row> rows,
            AssignmentStats stats,
            AssignmentRun lastRun,
            List<String> added,
            List<String> removed,
            List<Juror> jurors) {
        static View of(Edition edition, AssignmentService service) {
            List<Assignment> current = service.current(edition);
            Set<Long> started = service.started(edition);
            List<Juror> jurors = service.jurors(edition);
            Map<Long, List<Assignment>> byNomination = new HashMap<>();
            current.forEach(a -> byNomination
                    .computeIfAbsent(a.getNomination().getId(), k -> new ArrayList<>())
                    .add(a));
            List<Row> rows = service.eligible(edition).stream()
                    .map(n -> new Row(
                            n,
                            n.getCategory().reviewsNeeded(),
                            byNomination.getOrDefault(n.getId(), List.of()),
                            started))
                    .toList();
            Map<Long, Integer> loads = new LinkedHashMap<>();
            jurors.forEach(j -> loads.put(j.getId(), 0));
            int withExpertise = 0;
            for (Assignment a : current) {
                loads.merge(a.getJuror().getId(), 1, Integer::sum);
                Set<Long> expertise = a.getJuror().getExpertise().stream()
                        .map(Category::getId)
                        .collect(Collectors.toSet());
                if (expertise.contains(a.getNomination().getCategory().getId())) withExpertise++;
            }
            AssignmentStats stats = AssignmentStats.of(loads.values(), withExpertise);
            AssignmentRun last = service.lastRun(edition).orElse(null);
            var diff = service.diffOfLastRun(edition);
            Map<Long, String> jurorNames = jurors.stream()
                    .collect(Collectors.toMap(Juror::getId, j -> j.getAccount().getDisplayName()));
            Map<Long, String> references = rows.stream()
                    .collect(Collectors.toMap(r -> r.nomination.getId(), r -> r.nomination.getReference()));
            Function<Pair, String> label = p -> jurorNames.getOrDefault(Long.parseLong(p.jurorId()), p.jurorId())
                    + " × " + references.getOrDefault(Long.parseLong(p.nominationId()), "#" + p.nominationId());
            return new View(
                    rows,
                    stats,
                    last,
                    diff.added().stream().map(label).toList(),
                    diff.removed().stream().map(label).toList(),
                    jurors);
        }
    }

    /** One eligible nomination and its current jurors. */
    public record Row(Nomination nomination, int required, List<Assignment> assignments, Set<Long> started)
            implements Serializable {
        public Nomination getNomination() {
            return nomination;
        }

        public int getRequired() {
            return required;
        }

        public List<Assignment> getAssignments() {
            return assignments;
        }

        public boolean isUnderstaffed() {
            return assignments.size() < required;
        }

        public boolean started(Assignment a) {
            return started.contains(a.getId());
        }
    }

    private void info(String key, Object... args) {
        message(FacesMessage.SEVERITY_INFO, key, args);
    }

    private void error(String key, Object... args) {
        message(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private void message(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(severity, Messages.get(locale(), key, args), null));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<String> getShortfalls() {
        return shortfalls;
    }

    public String getShortfallTotal() {
        return shortfallTotal;
    }

    public int getMissingExpertise() {
        return missingExpertise;
    }

    public void setMissingExpertise(int v) {
        this.missingExpertise = v;
    }

    public int getSameRegion() {
        return sameRegion;
    }

    public void setSameRegion(int v) {
        this.sameRegion = v;
    }

    public int getBalance() {
        return balance;
    }

    public void setBalance(int v) {
        this.balance = v;
    }

    public int getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(int v) {
        this.reminderDays = v;
    }

    public Long getAddNomination() {
        return addNomination;
    }

    public void setAddNomination(Long v) {
        this.addNomination = v;
    }

    public Long getAddJuror() {
        return addJuror;
    }

    public void setAddJuror(Long v) {
        this.addJuror = v;
    }

    public Long getSwapAssignment() {
        return swapAssignment;
    }

    public void setSwapAssignment(Long v) {
        this.swapAssignment = v;
    }

    public Long getSwapJuror() {
        return swapJuror;
    }

    public void setSwapJuror(Long v) {
        this.swapJuror = v;
    }
}
