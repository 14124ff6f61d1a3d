package org.palmares.jury;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.jury.assignment.Shortfall;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonFields;

/**
 * The organisers' jury of one edition over REST: jurors, conflicts, assignments, solver runs and changes by hand.
 * {@code {edition}} is the edition's code (e.g. TC2019) or its numeric id, as in {@code /organiser/editions/{id}}.
 */
@Tag(name = "Jury", description = "The jury of an edition: jurors, conflicts, assignments and solver runs (organisers)")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EditionJuryResource {
    @Inject
    Access access;

    @Inject
    AssignmentService assignments;

    @Inject
    JurorService jurors;

    @PathParam("edition")
    String editionKey;

    private Edition edition() {
        // These paths are outside the URL constraints of web.xml: anonymous callers must log in, others be organisers.
        if (access.callerEmail().isEmpty() && !access.isSystem()) {
            throw new DomainException(401, "error.unauthenticated");
        }
        access.require(Role.ORGANISER);
        return assignments.edition(editionKey);
    }

    @GET
    @Path("editions/{edition}/jurors")
    @Operation(summary = "The jurors of the edition")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<JurorView> jurors() {
        Edition edition = edition();
        return jurors.ofEdition(edition).stream().map(JurorView::of).toList();
    }

    @GET
    @Path("editions/{edition}/conflicts")
    @Operation(summary = "The conflicts of interest of the edition's jurors")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<ConflictView> conflicts() {
        return jurors.conflictsOfEdition(edition()).stream()
                .map(ConflictView::of)
                .toList();
    }

    @GET
    @Path("editions/{edition}/assignments")
    @Operation(summary = "The current assignments, with whether scoring started")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<AssignmentView> assignments() {
        Edition edition = edition();
        var started = assignments.started(edition);
        return assignments.current(edition).stream()
                .map(a -> AssignmentView.of(a, started.contains(a.getId())))
                .toList();
    }

    /** Runs the solver: {@code mode=FULL} (default) or {@code FILL_GAPS}. 200 with the run, or 409 when infeasible. */
    @POST
    @Path("editions/{edition}/assignments/run")
    @Operation(summary = "Runs the assignment solver (mode FULL or FILL_GAPS); 409 with the run when infeasible")
    @APIResponse(responseCode = "400", description = "Unknown mode")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    @APIResponse(
            responseCode = "409",
            description = "No feasible assignment (the shortfalls are in the answer), or the phase refuses it")
    public Response run(@QueryParam("mode") @DefaultValue("FULL") String mode) {
        Edition edition = edition();
        AssignmentRun.Mode m;
        try {
            m = AssignmentRun.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("assignment.mode.unknown", mode);
        }
        var outcome = assignments.run(edition.getId(), m);
        var plan = outcome.plan();
        var view = new RunView(
                plan.status().name(),
                plan.objective(),
                outcome.added().size(),
                outcome.deleted().size(),
                plan.missingAssignments(),
                plan.shortfalls().stream().map(ShortfallView::of).toList());
        return Response.status(outcome.saved() ? 200 : 409).entity(view).build();
    }

    /** Assigns a juror to a nomination by hand: {@code {"juror": 12, "nomination": 34}}. */
    @POST
    @Path("editions/{edition}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assigns a juror to a nomination by hand (201)")
    @APIResponse(responseCode = "400", description = "Juror or nomination missing, malformed JSON")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition, juror or nomination")
    @APIResponse(responseCode = "409", description = "Already assigned, in conflict, or the phase refuses it")
    public Response add(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewAssignment.class))) JsonObject body) {
        edition();
        NewAssignment asked = new NewAssignment(JsonFields.id(body, "juror"), JsonFields.id(body, "nomination"));
        if (asked.juror() == null || asked.nomination() == null) {
            throw DomainException.invalid("assignment.add.missing");
        }
        Assignment a = assignments.add(asked.juror(), asked.nomination());
        return Response.status(201).entity(AssignmentView.of(a, false)).build();
    }

    @DELETE
    @Path("editions/{edition}/assignments/{id}")
    @Operation(summary = "Removes an assignment (204)")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or assignment")
    @APIResponse(responseCode = "409", description = "Locked, scoring started, or the phase refuses it")
    public Response remove(@PathParam("id") long id) {
        edition();
        assignments.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("editions/{edition}/assignments/{id}/lock")
    @Operation(summary = "Locks an assignment against solver runs")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or assignment")
    public AssignmentView lock(@PathParam("id") long id) {
        edition();
        return AssignmentView.of(assignments.lock(id, true), false);
    }

    @POST
    @Path("editions/{edition}/assignments/{id}/unlock")
    @Operation(summary = "Unlocks an assignment")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or assignment")
    public AssignmentView unlock(@PathParam("id") long id) {
        edition();
        return AssignmentView.of(assignments.lock(id, false), false);
    }

    /** A manual assignment asked for over REST (read field by field with {@link JsonFields}, the API's one rule). */
    public record NewAssignment(Long juror, Long nomination) {}

    /** A juror as organisers see them. */
    public record JurorView(
            long id,
            String email,
            String name,
            String region,
            int capacity,
            List<String> expertise,
            boolean charterAccepted) {
        static JurorView of(Juror j) {
            return new JurorView(
                    j.getId(),
                    j.getAccount().getEmail(),
                    j.getAccount().getDisplayName(),
                    j.getRegion(),
                    j.getCapacity(),
                    j.getExpertise().stream().map(Category::getCode).sorted().toList(),
                    j.hasAcceptedConfidentiality());
        }
    }

    /** A conflict of interest, with what it covers. */
    public record ConflictView(long id, long juror, String kind, Long territory, Long nomination, String reason) {
        static ConflictView of(Conflict c) {
            return new ConflictView(
                    c.getId(),
                    c.getJuror().getId(),
                    c.getKind().name(),
                    c.getTerritory() == null ? null : c.getTerritory().getId(),
                    c.getNomination() == null ? null : c.getNomination().getId(),
                    c.getReason());
        }
    }

    /** A current assignment. */
    public record AssignmentView(
            long id,
            long juror,
            long nomination,
            long territory,
            String reference,
            String source,
            boolean locked,
            boolean started) {
        static AssignmentView of(Assignment a, boolean started) {
            return new AssignmentView(
                    a.getId(),
                    a.getJuror().getId(),
                    a.getNomination().getId(),
                    a.getNomination().getTerritory().getId(),
                    a.getNomination().getReference(),
                    a.getSource().name(),
                    a.isLocked(),
                    started);
        }
    }

    /** What a run gave. */
    public record RunView(
            String status, long objective, int added, int deleted, int missing, List<ShortfallView> shortfalls) {}

    /** A nomination that cannot reach its jurors, and why. */
    public record ShortfallView(
            long nomination,
            int required,
            int assigned,
            int missing,
            int jurorsWithoutConflict,
            int jurorsFull,
            List<String> reasons) {
        static ShortfallView of(Shortfall s) {
            return new ShortfallView(
                    Long.parseLong(s.nominationId()),
                    s.required(),
                    s.assigned(),
                    s.missing(),
                    s.jurorsWithoutConflict(),
                    s.jurorsFull(),
                    s.reasons().stream().map(Enum::name).toList());
        }
    }
}
