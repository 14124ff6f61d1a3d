package org.palmares.tally;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Messages;
import org.palmares.scoring.Score;
import org.palmares.scoring.ScoreSheet;
import org.palmares.tally.TallyResult.CategoryTally;
import org.palmares.tally.TallyResult.JurorFigures;
import org.palmares.tally.TallyResult.NominationFigures;
import org.palmares.tally.TallyResult.SheetFigures;
import org.palmares.tally.TallyResult.Standing;
import org.palmares.tally.TallyResult.Tie;
import org.palmares.tally.TallyResult.TieRule;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The organisers' tally and deliberation page of one category: the three methods side by side, flags and ties, the
 * freeze, charts, sheets and comments, the decision and its sign-off. Request scoped: every request tallies afresh.
 */
@Named
@RequestScoped
public class TallyBacking {
    @Inject
    TallyService tally;

    @Inject
    EditionService editions;

    /** The box plot shows the head of the ranking: beyond that it would not fit a screen. */
    static final int BOX_PLOTS = 40;

    private String code;
    private LiveTally live;
    private Category category;
    private TallyMethod method;
    private List<String> winners = new ArrayList<>();
    private List<String> mentions = new ArrayList<>();
    private String justification;
    private String reason;
    private BigDecimal disagreement;
    private String chain;
    private boolean showNames;

    @PostConstruct
    void load() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        code = params.get("category");
        if (code == null) {
            code = params.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(":category"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        refresh();
        method = live.method(category.getId());
        tally.decision(category.getId())
                .ifPresentOrElse(
                        d -> {
                            d.getWinners().forEach(n -> winners.add(String.valueOf(n.getId())));
                            d.getMentions().forEach(n -> mentions.add(String.valueOf(n.getId())));
                            justification = d.getJustification();
                        },
                        () -> tally.top(category.getId()).forEach(id -> winners.add(String.valueOf(id))));
        TallyPolicy policy = live.policy();
        disagreement = policy.getDisagreementThreshold();
        chain = String.join(",", policy.chain().stream().map(Enum::name).toList());
        showNames = policy.isShowJurorNames();
    }

    private void refresh() {
        Edition edition = editions.getCurrent();
        live = tally.live(tally.edition(edition.getCode()));
        category = live.categories().stream()
                .filter(c -> c.getCode().equals(code))
                .findFirst()
                .orElse(live.categories().isEmpty() ? null : live.categories().get(0));
        if (category == null) throw org.palmares.platform.DomainException.notFound("category");
        code = category.getCode();
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String text(String key, Object... args) {
        return Messages.get(locale(), key, args);
    }

    private String done(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
        context.getExternalContext().getFlash().setKeepMessages(true);
        return "/organiser/tally?faces-redirect=true&category=" + code;
    }

    // Actions

    public String saveMethod() {
        tally.use(category.getId(), method);
        return done("tally.method.saved");
    }

    public String freeze() {
        tally.freeze(category.getId());
        return done("tally.frozen.done");
    }

    public String unfreeze() {
        tally.unfreeze(category.getId(), reason);
        return done("tally.unfrozen.done");
    }

    public String decide() {
        tally.decide(category.getId(), ids(winners), ids(mentions), justification);
        return done("decision.saved");
    }

    public String notAwarded() {
        tally.notAwarded(category.getId(), justification);
        return done("decision.notAwarded.saved");
    }

    public String signOff() {
        tally.signOff(category.getId());
        return done("decision.signedOff.done");
    }

    public String reopen() {
        tally.reopen(category.getId(), reason);
        return done("decision.reopened");
    }

    public String savePolicy() {
        List<TieBreak> rules = new ArrayList<>();
        for (String part : (chain == null ? "" : chain).split(",")) {
            if (!part.isBlank()) rules.add(TieBreak.valueOf(part.strip()));
        }
        tally.savePolicy(live.edition().getId(), disagreement, rules, showNames);
        return done("tally.policy.saved");
    }

    private static Set<Long> ids(List<String> values) {
        Set<Long> result = new LinkedHashSet<>();
        for (String v : values) result.add(Long.parseLong(v));
        return result;
    }

    // What the page shows

    public List<Category> getCategories() {
        return live.categories();
    }

    public Category getCategory() {
        return category;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    private CategoryTally categoryTally() {
        return live.category(category.getId());
    }

    public TallyMethod getCurrentMethod() {
        return live.method(category.getId());
    }

    public TallyMethod[] getMethods() {
        return TallyMethod.values();
    }

    public boolean isFrozen() {
        return live.frozen(category.getId());
    }

    public boolean isStale() {
        return live.stale(category.getId());
    }

    public boolean isSignedOff() {
        return live.signedOff(category.getId());
    }

    public CategoryResult getState() {
        return live.states().get(category.getId());
    }

    public Decision getDecision() {
        return live.decisions().get(category.getId());
    }

    public int getRequired() {
        return live.edition().getReviewsPerNomination();
    }

    public String getMean() {
        return format(live.tally().mean());
    }

    public String getSd() {
        return format(live.tally().sd());
    }

    public int getSheetCount() {
        return live.sheets().size();
    }

    public boolean isAnyDifference() {
        return getRows().stream().anyMatch(Row::isDiffers);
    }

    private List<Row> rows;

    /** The live ranking by the category's method, with the other methods' scores and ranks beside. */
    public List<Row> getRows() {
        if (rows != null) return rows;
        CategoryTally ct = categoryTally();
        rows = new ArrayList<>();
        for (Standing s : ct.ranking(getCurrentMethod()).standings()) {
            rows.add(new Row(s, ct, live.nominee(s.nominationId()), tieText(s)));
        }
        return rows;
    }

    private String tieText(Standing s) {
        if (s.exAequo()) return text("tally.tie.exAequo");
        if (s.brokenBy() == null) return "";
        return ruleText(s.brokenBy());
    }

    private String ruleText(TieRule rule) {
        if (rule.rule() == TieBreak.CRITERIA) {
            String name = category.getCriteria().stream()
                    .filter(c -> c.getId() == rule.criterionId())
                    .map(c -> c.name(locale()))
                    .findFirst()
                    .orElse("?");
            return text("tally.rule.CRITERIA", name);
        }
        return text("tally.rule." + rule.rule().name());
    }

    /** Each tie of the ranking, said in words. */
    public List<String> getTies() {
        List<String> lines = new ArrayList<>();
        for (Tie t : categoryTally().ranking(getCurrentMethod()).ties()) {
            String above = live.nominee(t.above()).reference();
            String below = live.nominee(t.below()).reference();
            lines.add(
                    t.exAequo()
                            ? text("tally.tie.line.exAequo", above, below)
                            : text("tally.tie.line", above, below, ruleText(t.rule())));
        }
        return lines;
    }

    /** The nominations a decision may name: the ranked ones; in a public-vote category every one on the ballot. */
    public List<Row> getRanked() {
        return getRows().stream()
                .filter(r -> r.getRank() > 0 || category.isPublicVote())
                .toList();
    }

    public boolean isPublicVote() {
        return category.isPublicVote();
    }

    /** A line of the public vote's count beside the jury's rank (public-vote categories, once frozen). */
    public record VoteRow(String reference, String title, long votes, int juryRank, boolean winner) {
        public String getReference() {
            return reference;
        }

        public String getTitle() {
            return title;
        }

        public long getVotes() {
            return votes;
        }

        public String getJuryRank() {
            return juryRank > 0 ? String.valueOf(juryRank) : "—";
        }

        public boolean isWinner() {
            return winner;
        }
    }

    private List<VoteRow> voteRows;
    private VoteOutcome.Outcome voteOutcome;

    public List<VoteRow> getVoteRows() {
        if (voteRows == null) {
            if (!category.isPublicVote() || !isFrozen()) return voteRows = List.of();
            voteOutcome = tally.voteOutcome(category.getId());
            voteRows = tally.voteLines(category.getId()).stream()
                    .filter(l -> live.nominee(l.nominationId()) != null)
                    .map(l -> new VoteRow(
                            live.nominee(l.nominationId()).reference(),
                            live.nominee(l.nominationId()).title(),
                            l.votes(),
                            l.juryRank(),
                            voteOutcome.winners().contains(l.nominationId())))
                    .toList();
        }
        return voteRows;
    }

    /** How the public vote names its winner here: most votes, the jury's rank for a tie, ex aequo, or no vote yet. */
    public String getVoteRule() {
        getVoteRows();
        return voteOutcome == null
                ? ""
                : text("tally.vote.rule." + voteOutcome.rule().name());
    }

    /** The frozen ranking, as stored. */
    public List<FrozenRow> getFrozenRows() {
        if (!isFrozen()) return List.of();
        return tally.frozen(category.getId()).stream().map(FrozenRow::new).toList();
    }

    public String getWinnerNames() {
        Decision d = getDecision();
        if (d == null) return "";
        return String.join(
                ", ", d.getWinners().stream().map(Nomination::getReference).toList());
    }

    public String getMentionNames() {
        Decision d = getDecision();
        if (d == null) return "";
        return String.join(
                ", ", d.getMentions().stream().map(Nomination::getReference).toList());
    }

    public String getTopNames() {
        return String.join(
                ", ",
                tally.top(category.getId()).stream()
                        .map(id -> live.nominee(id).reference())
                        .toList());
    }

    // Deliberation: juror labels, charts, sheets

    private Map<Long, String> jurorLabels;

    /** Juror names, or "Juror A, B…" when the edition hides them. */
    private Map<Long, String> jurorLabels() {
        if (jurorLabels != null) return jurorLabels;
        jurorLabels = new HashMap<>();
        List<Long> ids = live.tally().jurors().keySet().stream().sorted().toList();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            jurorLabels.put(
                    id,
                    live.policy().isShowJurorNames()
                            ? live.jurorNames().getOrDefault(id, "?")
                            : text("tally.juror.anonymous", anonymous(i)));
        }
        return jurorLabels;
    }

    private static String anonymous(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "J" + (i + 1);
    }

    public String getBoxPlot() {
        List<TallyCharts.Series> series = new ArrayList<>();
        for (Row r : getRanked().stream().limit(BOX_PLOTS).toList())
            series.add(new TallyCharts.Series(r.getReference(), r.figures.sheetScores()));
        return TallyCharts.boxPlots(series, text("tally.chart.box"));
    }

    public String getSeverity() {
        List<TallyCharts.Spread> spreads = new ArrayList<>();
        live.tally().jurors().values().stream()
                .sorted(java.util.Comparator.comparingDouble(JurorFigures::mean))
                .forEach(j -> spreads.add(
                        new TallyCharts.Spread(jurorLabels().get(j.jurorId()), j.mean(), j.sd(), j.sheets())));
        return TallyCharts.severity(spreads, live.tally().mean(), live.tally().sd(), text("tally.chart.severity"));
    }

    private LazyDataModel<SheetLine> sheetModel;

    /**
     * The category's counted sheets with their figures, a page at a time: at the size of a national network a
     * category has thousands of sheets, and only the page shown is read with its values and comments.
     */
    public LazyDataModel<SheetLine> getSheets() {
        if (sheetModel == null) sheetModel = new SheetsModel();
        return sheetModel;
    }

    private final class SheetsModel extends LazyDataModel<SheetLine> {
        private static final long serialVersionUID = 1L;
        private final transient List<SheetFigures> counted;

        SheetsModel() {
            counted = live.tally().sheets().stream()
                    .filter(f -> live.nominee(f.nominationId()).categoryId() == category.getId())
                    .sorted(Comparator.comparing(
                                    (SheetFigures f) ->
                                            live.nominee(f.nominationId()).reference(),
                                    Comparator.nullsLast(Comparator.<String>naturalOrder()))
                            .thenComparingLong(SheetFigures::sheetId))
                    .toList();
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return counted.size();
        }

        @Override
        public List<SheetLine> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<SheetFigures> page =
                    counted.subList(Math.min(first, counted.size()), Math.min(first + pageSize, counted.size()));
            Map<Long, ScoreSheet> sheets = new HashMap<>();
            tally.sheets(page.stream().map(SheetFigures::sheetId).toList()).forEach(sh -> sheets.put(sh.getId(), sh));
            List<SheetLine> lines = new ArrayList<>();
            for (SheetFigures f : page) {
                ScoreSheet sheet = sheets.get(f.sheetId());
                if (sheet != null)
                    lines.add(new SheetLine(sheet, f, jurorLabels().get(f.jurorId()), category.getCriteria()));
            }
            return lines;
        }

        @Override
        public String getRowKey(SheetLine line) {
            return String.valueOf(line.getId());
        }

        @Override
        public SheetLine getRowData(String key) {
            return null; // no selection in this table
        }
    }

    // Form fields

    public TallyMethod getMethod() {
        return method;
    }

    public void setMethod(TallyMethod method) {
        this.method = method;
    }

    public List<String> getWinners() {
        return winners;
    }

    public void setWinners(List<String> winners) {
        this.winners = winners == null ? new ArrayList<>() : winners;
    }

    public List<String> getMentions() {
        return mentions;
    }

    public void setMentions(List<String> mentions) {
        this.mentions = mentions == null ? new ArrayList<>() : mentions;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getDisagreement() {
        return disagreement;
    }

    public void setDisagreement(BigDecimal disagreement) {
        this.disagreement = disagreement;
    }

    public String getChain() {
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain;
    }

    public boolean isShowNames() {
        return showNames;
    }

    public void setShowNames(boolean showNames) {
        this.showNames = showNames;
    }

    static String format(double v) {
        return Double.isNaN(v) ? "—" : Tally.round2(v).toPlainString();
    }

    /** One line of the live ranking. */
    public static final class Row {
        private final Standing standing;
        private final NominationFigures figures;
        private final LiveTally.Nominee nominee;
        private final int rankRaw;
        private final int rankNormalised;
        private final int rankCalibrated;
        private final boolean differs;
        private final String tie;

        Row(Standing s, CategoryTally ct, LiveTally.Nominee nominee, String tie) {
            this.standing = s;
            this.figures = s.figures();
            this.nominee = nominee;
            this.rankRaw = ct.ranking(TallyMethod.RAW).rankOf(s.nominationId());
            this.rankNormalised = ct.ranking(TallyMethod.NORMALISED).rankOf(s.nominationId());
            this.rankCalibrated = ct.ranking(TallyMethod.CALIBRATED).rankOf(s.nominationId());
            this.differs = figures.scored() && ct.rankDiffers(s.nominationId());
            this.tie = tie;
        }

        public long getId() {
            return nominee.id();
        }

        public String getValue() {
            return String.valueOf(nominee.id());
        }

        public int getRank() {
            return standing.rank();
        }

        public String getReference() {
            return nominee.reference();
        }

        public String getTitle() {
            return nominee.title();
        }

        public String getTerritory() {
            return nominee.territory();
        }

        public String getRaw() {
            return format(figures.raw());
        }

        public String getNormalised() {
            return format(figures.normalised());
        }

        public String getCalibrated() {
            return format(figures.calibrated());
        }

        public String getMedian() {
            return format(figures.median());
        }

        public String getSpread() {
            return format(figures.sd());
        }

        public int getRankRaw() {
            return rankRaw;
        }

        public int getRankNormalised() {
            return rankNormalised;
        }

        public int getRankCalibrated() {
            return rankCalibrated;
        }

        public boolean isDiffers() {
            return differs;
        }

        public int getSheets() {
            return figures.sheetCount();
        }

        public List<String> getFlags() {
            return figures.flags().stream().map(Enum::name).sorted().toList();
        }

        public boolean isExAequo() {
            return standing.exAequo();
        }

        public String getTie() {
            return tie;
        }
    }

    /** One line of the frozen ranking. */
    public static final class FrozenRow {
        private final Result result;

        FrozenRow(Result result) {
            this.result = result;
        }

        public int getRank() {
            return result.getRank();
        }

        public String getReference() {
            return result.getNomination().getReference();
        }

        public String getTitle() {
            return result.getNomination().getTitle();
        }

        public String getRaw() {
            return plain(result.getRawScore());
        }

        public String getNormalised() {
            return plain(result.getNormalisedScore());
        }

        public String getCalibrated() {
            return plain(result.getCalibratedScore());
        }

        public String getFlags() {
            return result.getFlags() == null ? "" : result.getFlags().replace(",", ", ");
        }

        public String getTieBreak() {
            return result.getTieBreakNote() == null ? "" : result.getTieBreakNote();
        }

        public Instant getComputedAt() {
            return result.getComputedAt();
        }

        private static String plain(BigDecimal v) {
            return v == null ? "—" : Tally.round2(v.doubleValue()).toPlainString();
        }
    }

    /** A counted sheet with its comments, for deliberation. */
    public static final class SheetLine {
        private final ScoreSheet sheet;
        private final SheetFigures figures;
        private final String juror;
        private final List<String> values = new ArrayList<>();
        private final List<String> comments = new ArrayList<>();

        SheetLine(ScoreSheet sheet, SheetFigures figures, String juror, List<Criterion> criteria) {
            this.sheet = sheet;
            this.figures = figures;
            this.juror = juror;
            for (Criterion c : criteria) {
                var score = sheet.find(c);
                values.add(score.map(Score::getValue).map(String::valueOf).orElse("—"));
                score.map(Score::getComment)
                        .filter(t -> t != null && !t.isBlank())
                        .ifPresent(comments::add);
            }
        }

        public long getId() {
            return sheet.getId();
        }

        public String getReference() {
            return sheet.getAssignment().getNomination().getReference();
        }

        public String getJuror() {
            return juror;
        }

        public String getS() {
            return format(figures.s());
        }

        public String getZ() {
            return format(figures.z());
        }

        public boolean isOutlier() {
            return figures.outlier();
        }

        public String getValues() {
            return String.join(" · ", values);
        }

        public String getComment() {
            List<String> all = new ArrayList<>(comments);
            if (sheet.getOverallComment() != null) all.add(sheet.getOverallComment());
            return String.join(" — ", all);
        }
    }
}
