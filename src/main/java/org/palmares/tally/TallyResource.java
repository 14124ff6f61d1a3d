package org.palmares.tally;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.SheetFigures;
import org.palmares.tally.TallyResult.Standing;

/**
 * Scores, results and decisions of an edition over REST, for organisers only (403 for everyone else) and always live.
 * {@code {edition}} is the edition's code (e.g. TC2019) or its numeric id.
 */
@Tag(name = "Tally", description = "Scores, results and decisions of an edition, live (organisers)")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TallyResource {
    @Inject
    Access access;

    @Inject
    TallyService tally;

    @PathParam("edition")
    String editionKey;

    /** One submitted sheet that counts: its juror, nomination, values per criterion (by id) and S. */
    public record ScoreView(
            long sheet,
            long juror,
            String jurorName,
            String nomination,
            String category,
            Map<String, Integer> values,
            BigDecimal s,
            BigDecimal z,
            boolean outlier) {
        // JSON-B keeps every object it writes in a hash set (to find cycles): a record's own hashCode would hash
        // its whole subtree, at every level. A few fields that equal views share are enough.
        @Override
        public int hashCode() {
            return Long.hashCode(sheet);
        }
    }

    /** A nomination's place in its category. */
    public record StandingView(
            int rank,
            String reference,
            String title,
            BigDecimal score,
            BigDecimal raw,
            BigDecimal normalised,
            BigDecimal calibrated,
            int sheets,
            List<String> flags,
            boolean exAequo,
            String tieBreak,
            Map<String, Integer> rankBy) {
        // JSON-B keeps every object it writes in a hash set (to find cycles): a record's own hashCode would hash
        // its whole subtree, at every level. A few fields that equal views share are enough.
        @Override
        public int hashCode() {
            return Objects.hash(rank, reference);
        }
    }

    public record CategoryView(
            String category,
            String method,
            String rankedBy,
            boolean frozen,
            boolean changedSinceFrozen,
            List<StandingView> ranking) {
        @Override
        public int hashCode() {
            return Objects.hash(category, rankedBy);
        }
    }

    public record ResultsView(String edition, BigDecimal mean, BigDecimal sd, List<CategoryView> categories) {
        @Override
        public int hashCode() {
            return Objects.hashCode(edition);
        }
    }

    public record DecisionView(
            String category,
            boolean frozen,
            List<String> winners,
            List<String> mentions,
            String justification,
            String signedOffBy,
            Instant signedOffAt) {}

    private LiveTally live() {
        if (access.callerEmail().isEmpty() && !access.isSystem()) {
            throw new DomainException(401, "error.unauthenticated");
        }
        access.require(Role.ORGANISER);
        return tally.live(tally.edition(editionKey));
    }

    @GET
    @Path("editions/{edition}/scores")
    @Operation(summary = "Every submitted sheet that counts, with its S and z")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<ScoreView> scores() {
        LiveTally live = live();
        Map<Long, Category> categories = new LinkedHashMap<>();
        live.categories().forEach(c -> categories.put(c.getId(), c));
        List<ScoreView> result = new ArrayList<>();
        List<Sheet> sheets = live.sheets();
        List<SheetFigures> figures = live.tally().sheets();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = sheets.get(i);
            SheetFigures f = figures.get(i);
            var nominee = live.nominee(sheet.nominationId());
            Category category = categories.get(nominee.categoryId());
            Map<String, Integer> values = new LinkedHashMap<>();
            List<Criterion> criteria = category.getCriteria();
            for (int c = 0; c < criteria.size(); c++)
                values.put(String.valueOf(criteria.get(c).getId()), sheet.values()[c]);
            result.add(new ScoreView(
                    sheet.id(),
                    sheet.jurorId(),
                    live.jurorNames().get(sheet.jurorId()),
                    nominee.reference(),
                    category.getCode(),
                    values,
                    Tally.round2(f.s()),
                    Tally.round2(f.z()),
                    f.outlier()));
        }
        return result;
    }

    /** Per category, the ranking by {@code method} (default: each category's own method). */
    @GET
    @Path("editions/{edition}/results")
    @Operation(summary = "The ranking per category (?method=…, default each category's own)")
    @APIResponse(responseCode = "400", description = "Unknown method")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public ResultsView results(@QueryParam("method") String method) {
        TallyMethod chosen = parse(method);
        LiveTally live = live();
        List<CategoryView> categories = new ArrayList<>();
        for (Category c : live.categories()) {
            TallyMethod by = chosen != null ? chosen : live.method(c.getId());
            var ct = live.category(c.getId());
            List<StandingView> ranking = new ArrayList<>();
            for (Standing s : ct.ranking(by).standings()) {
                var f = s.figures();
                var nominee = live.nominee(s.nominationId());
                Map<String, Integer> rankBy = new LinkedHashMap<>();
                for (TallyMethod m : TallyMethod.values())
                    rankBy.put(m.name(), ct.ranking(m).rankOf(s.nominationId()));
                ranking.add(new StandingView(
                        s.rank(),
                        nominee.reference(),
                        nominee.title(),
                        round(s.score()),
                        round(f.raw()),
                        round(f.normalised()),
                        round(f.calibrated()),
                        f.sheetCount(),
                        f.flags().stream().map(Enum::name).sorted().toList(),
                        s.exAequo(),
                        s.brokenBy() == null ? null : TallyTexts.ruleCode(s.brokenBy()),
                        rankBy));
            }
            categories.add(new CategoryView(
                    c.getCode(),
                    live.method(c.getId()).name(),
                    by.name(),
                    live.frozen(c.getId()),
                    live.stale(c.getId()),
                    ranking));
        }
        return new ResultsView(
                live.edition().getCode(),
                round(live.tally().mean()),
                round(live.tally().sd()),
                categories);
    }

    @GET
    @Path("editions/{edition}/decisions")
    @Operation(summary = "The jury's decisions per category")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<DecisionView> decisions() {
        LiveTally live = live();
        List<DecisionView> result = new ArrayList<>();
        for (Category c : live.categories()) {
            Decision d = live.decisions().get(c.getId());
            result.add(new DecisionView(
                    c.getCode(),
                    live.frozen(c.getId()),
                    d == null
                            ? List.of()
                            : d.getWinners().stream()
                                    .map(Nomination::getReference)
                                    .toList(),
                    d == null
                            ? List.of()
                            : d.getMentions().stream()
                                    .map(Nomination::getReference)
                                    .toList(),
                    d == null ? null : d.getJustification(),
                    d == null || d.getSignedOffBy() == null
                            ? null
                            : d.getSignedOffBy().getEmail(),
                    d == null ? null : d.getSignedOffAt()));
        }
        return result;
    }

    private static TallyMethod parse(String method) {
        if (method == null || method.isBlank()) return null;
        try {
            return TallyMethod.valueOf(method.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("tally.method.unknown", method);
        }
    }

    private static BigDecimal round(double v) {
        return Double.isNaN(v) ? null : Tally.round2(v);
    }
}
