package org.palmares.scoring;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.account.Role;
import org.palmares.edition.EditionService;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;

/**
 * A juror's own dossiers and score sheets over REST, with the rules of the pages: another juror's sheet, an
 * unassigned or conflicted nomination are "not found"; changes need {@code If-Match} with the sheet's version
 * (428 without it, 412 when it names an old one); after the deadline or while frozen, 409.
 */
@Tag(name = "Scoring", description = "A juror's own dossiers and score sheets; changes need If-Match")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScoringResource {
    @Inject
    ScoringService scoring;

    @Inject
    EditionService editions;

    @Inject
    Access access;

    @Context
    HttpHeaders headers;

    /** The caller's dossiers, what needs doing first. */
    @GET
    @Path("me/assignments")
    @Operation(summary = "The caller's dossiers, what needs doing first (jurors)")
    @APIResponse(responseCode = "403", description = "Not a juror")
    @APIResponse(responseCode = "404", description = "No current edition")
    public List<MyAssignment> mine() {
        access.require(Role.JUROR);
        return scoring.mine(editions.getCurrent(), locale());
    }

    /** The caller's sheet for one of their dossiers, created (empty) on first use. */
    @POST
    @Path("me/assignments/{id}/scoresheet")
    @Operation(summary = "The caller's sheet for one of their dossiers, created empty on first use")
    @APIResponse(responseCode = "404", description = "No such assignment, or not the caller's, or in conflict")
    public Response open(@PathParam("id") long assignmentId) {
        return answer(scoring.open(assignmentId));
    }

    /** The caller cannot judge this dossier: {@code {"reason": "…"}}; the assignment ends, the organisers are told. */
    @POST
    @Path("me/assignments/{id}/recuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller cannot judge this dossier: ends the assignment (204)")
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "404", description = "No such assignment, or not the caller's")
    @APIResponse(responseCode = "409", description = "The sheet is already submitted or scoring is closed")
    public Response recuse(@PathParam("id") long assignmentId, JsonObject body) {
        String reason = body == null ? null : text(body.get("reason"), null);
        scoring.recuse(assignmentId, reason);
        return Response.noContent().build();
    }

    @GET
    @Path("scoresheets/{id}")
    @Operation(summary = "One of the caller's sheets, with its ETag")
    @APIResponse(responseCode = "404", description = "No such sheet, or not the caller's")
    public Response one(@PathParam("id") long id) {
        return answer(scoring.ownSheet(id));
    }

    /**
     * Changes values and comments: {@code {"scores": {"<criterion id>": {"value": 4, "comment": "…"}},
     * "overallComment": "…"}}; criteria not named stay as they are.
     */
    @PUT
    @Path("scoresheets/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes values and comments (If-Match)")
    @APIResponse(responseCode = "400", description = "Unknown criterion, value out of scale, malformed JSON")
    @APIResponse(responseCode = "404", description = "No such sheet, or not the caller's")
    @APIResponse(responseCode = "409", description = "Deadline passed, scoring frozen, or the sheet is submitted")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names an older version (the current values are in the detail)")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
        scoring.ownSheet(id);
        if (ifMatch == null || ifMatch.isBlank()) throw new DomainException(428, "sheet.ifMatch.required");
        long expected = version(ifMatch);
        Map<Long, ScoringService.Entry> entries = new HashMap<>();
        JsonValue scores = body.get("scores");
        if (scores != null && scores.getValueType() == JsonValue.ValueType.OBJECT) {
            for (var e : scores.asJsonObject().entrySet()) {
                long criterion;
                try {
                    criterion = Long.parseLong(e.getKey());
                } catch (NumberFormatException bad) {
                    throw DomainException.invalid("sheet.unknownCriterion", e.getKey());
                }
                entries.put(criterion, entry(e.getValue()));
            }
        } else if (scores != null && scores.getValueType() != JsonValue.ValueType.NULL) {
            throw DomainException.invalid("error.validation");
        }
        String overall = body.containsKey("overallComment") ? text(body.get("overallComment"), "") : null;
        return answer(scoring.save(id, expected, entries, overall));
    }

    @POST
    @Path("scoresheets/{id}/submit")
    @Operation(summary = "Submits the sheet")
    @APIResponse(responseCode = "404", description = "No such sheet, or not the caller's")
    @APIResponse(responseCode = "409", description = "Deadline passed, scoring frozen, or already submitted")
    @APIResponse(responseCode = "422", description = "A criterion (or the required overall comment) is missing")
    public Response submit(@PathParam("id") long id) {
        return answer(scoring.submit(id));
    }

    @POST
    @Path("scoresheets/{id}/reopen")
    @Operation(summary = "Makes a submitted sheet a draft again")
    @APIResponse(responseCode = "404", description = "No such sheet, or not the caller's")
    @APIResponse(responseCode = "409", description = "Deadline passed, scoring frozen, or not submitted")
    public Response reopen(@PathParam("id") long id) {
        return answer(scoring.reopen(id));
    }

    private Response answer(ScoreSheet sheet) {
        SheetView view = scoring.view(sheet);
        return Response.ok(view)
                .tag(new EntityTag(String.valueOf(view.version())))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private static ScoringService.Entry entry(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) return new ScoringService.Entry(null, null);
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return new ScoringService.Entry(integer(value), null);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) throw DomainException.invalid("error.validation");
        JsonObject o = value.asJsonObject();
        JsonValue v = o.get("value");
        Integer score = v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : integer(v);
        return new ScoringService.Entry(score, text(o.get("comment"), null));
    }

    private static Integer integer(JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw DomainException.invalid("error.validation");
        }
        try {
            return ((JsonNumber) v).intValueExact();
        } catch (ArithmeticException tooLarge) {
            throw DomainException.invalid("error.validation");
        }
    }

    private static String text(JsonValue v, String whenNull) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) return whenNull;
        if (v.getValueType() != JsonValue.ValueType.STRING) throw DomainException.invalid("error.validation");
        return ((JsonString) v).getString();
    }

    private static long version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) value = value.substring(2);
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DomainException(412, "sheet.stale", "—", 0);
        }
    }

    private Locale locale() {
        return Language.of(headers);
    }
}
