package org.palmares.ceremony;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonFields;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;
import org.palmares.platform.PublicEndpoint;

/**
 * The public vote over REST, open to anyone without a session: the ballot paper, casting (202, a code is e-mailed)
 * and verifying (200). The counts are for organisers only until publication.
 */
@Tag(
        name = "Public vote",
        description = "The Coup de cœur vote: ballot paper, casting and verifying by e-mailed code (no login)")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VoteResource {
    @Inject
    VoteService votes;

    @Inject
    VoteSettings settings;

    @Inject
    Access access;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @PathParam("edition")
    String editionKey;

    /** The public-vote categories of the edition, whether voting is open, and the nominations to choose from. */
    @GET
    @Path("editions/{edition}/votes")
    @PublicEndpoint
    @Operation(summary = "The public-vote categories, their voting window and the nominations to choose from")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<CategoryView> ballotPaper() {
        Edition edition = votes.edition(editionKey);
        return votes.publicCategories(edition).stream()
                .map(c -> CategoryView.of(c, votes.state(c), votes.rules(c), votes.ballotPaper(c), locale()))
                .toList();
    }

    /**
     * Casts a vote: {@code {"category":"CDC","nomination":12,"email":"…"}}. 202 with the ballot to verify; the
     * code goes to the address. 400 bad address, 409 closed or already voted, 422 disposable domain, 429 too many.
     */
    @POST
    @Path("editions/{edition}/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Operation(summary = "Casts a vote; the code is e-mailed (202)")
    @APIResponse(responseCode = "400", description = "Missing fields, malformed or disposable address")
    @APIResponse(responseCode = "404", description = "No such edition, public-vote category or eligible nomination")
    @APIResponse(responseCode = "409", description = "Voting closed, or this address already voted in the category")
    @APIResponse(
            responseCode = "429",
            description = "Too many votes from this client or for this address (Retry-After)")
    public Response cast(JsonObject body) {
        if (body == null) throw DomainException.invalid("vote.request.invalid");
        long category = votes.publicCategoryId(editionKey, text(body, "category"));
        long nomination = number(body, "nomination");
        var receipt = votes.cast(category, nomination, text(body, "email"), text(body, "website"), client(), locale());
        return Response.accepted(
                        new Receipt(receipt.ballot(), receipt.expiresAt(), Messages.get(locale(), "vote.codeSent")))
                .build();
    }

    /**
     * Verifies a ballot: {@code {"ballot":"…","code":"123456"}} or {@code {"token":"…"}} from the e-mail's link.
     * 200 counted; 404 unknown ballot; 409 already counted; 410 expired or spent; 422 wrong code.
     */
    @POST
    @Path("editions/{edition}/votes/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Operation(summary = "Verifies a ballot with its six-digit code or the e-mail's token")
    @APIResponse(responseCode = "400", description = "Malformed request")
    @APIResponse(responseCode = "404", description = "No such edition or ballot")
    @APIResponse(responseCode = "409", description = "Ballot already counted")
    @APIResponse(responseCode = "410", description = "Code expired or spent")
    @APIResponse(responseCode = "422", description = "Wrong code (attempts left in the detail) or not six digits")
    @APIResponse(responseCode = "429", description = "Too many attempts from this client (Retry-After)")
    public Response verify(JsonObject body) {
        if (body == null) throw DomainException.invalid("vote.request.invalid");
        votes.edition(editionKey);
        String token = text(body, "token");
        Ballot ballot = token != null
                ? votes.follow(token, client())
                : votes.verify(text(body, "ballot"), text(body, "code"), client());
        return Response.ok(new Counted(
                        "COUNTED",
                        ballot.getCategory().getCode(),
                        ballot.getNomination().getId(),
                        Messages.get(locale(), "vote.counted")))
                .build();
    }

    /** Verified votes per nomination: organisers only, never the public before publication. */
    @GET
    @Path("editions/{edition}/votes/counts")
    @Operation(summary = "Verified votes per nomination of a category (organisers, before publication too)")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or public-vote category")
    public List<CountView> counts(@QueryParam("category") String categoryCode) {
        access.require(Role.ORGANISER);
        Category category = votes.publicCategory(votes.edition(editionKey), categoryCode);
        return votes.countsFor(category).stream()
                .map(c -> new CountView(
                        c.nomination().getId(),
                        c.nomination().getReference(),
                        c.nomination().getTitle(),
                        c.votes()))
                .toList();
    }

    private String client() {
        return ClientAddress.of(request, settings.clientIpHeader());
    }

    private Locale locale() {
        return Language.of(headers);
    }

    private static String text(JsonObject body, String key) {
        return JsonFields.text(body, key);
    }

    private static long number(JsonObject body, String key) {
        Long id = JsonFields.id(body, key);
        if (id == null) throw DomainException.invalid("vote.request.invalid");
        return id;
    }

    /** A public-vote category as the public sees it: no counts. */
    public record CategoryView(
            String code,
            String name,
            String state,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            String timeZone,
            List<NominationView> nominations) {
        static CategoryView of(
                Category c, VotingWindow.State state, VotingWindow window, List<Nomination> list, Locale locale) {
            return new CategoryView(
                    c.getCode(),
                    c.name(locale),
                    state.name(),
                    window.opensAt(),
                    window.closesAt(),
                    c.getEdition().getTimeZone(),
                    list.stream().map(NominationView::of).toList());
        }
    }

    /** A nomination on the ballot paper. */
    public record NominationView(long id, String reference, String title, String territory, String summary) {
        static NominationView of(Nomination n) {
            return new NominationView(
                    n.getId(), n.getReference(), n.getTitle(), n.getTerritory().getName(), n.getSummary());
        }
    }

    /** The answer to a cast. */
    public record Receipt(String ballot, Instant expiresAt, String message) {}

    /** The answer to a verification. */
    public record Counted(String status, String category, long nomination, String message) {}

    /** One line of the organisers' counts. */
    public record CountView(long nomination, String reference, String title, long votes) {}
}
