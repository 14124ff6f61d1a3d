package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonFields;
import org.palmares.platform.Language;
import org.palmares.platform.Paging;

/**
 * Nominations over REST, with the access rules of the pages: organisers see all, a territory its own (any
 * other is "not found"), an assigned juror free of conflict may read. Updates need {@code If-Match} with the
 * ETag of the version read, so two editors never overwrite each other silently.
 */
@Tag(name = "Nominations", description = "Nominations with the access rules of the pages; updates need If-Match")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NominationResource {
    @Inject
    NominationService nominations;

    @Inject
    AttachmentService attachments;

    @Inject
    NominationAccess nominationAccess;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("editions/{edition}/nominations")
    @Operation(summary = "A page of the edition's nominations the caller may see")
    @APIResponse(responseCode = "400", description = "Unknown status, page from 0, size from 1 to 100")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public PageView list(
            @PathParam("edition") String edition,
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        NominationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = NominationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("nomination.filter.status", status);
            }
        }
        Paging paging = Paging.of(page, size, 100);
        var found = nominations.search(nominations.edition(edition), wanted, category, paging.page(), paging.size());
        return new PageView(
                found.items().stream().map(Summary::of).toList(), found.page(), found.size(), found.total());
    }

    /** Creates a draft: a territory for itself; an organiser names the territory with {@code territoryId}. */
    @POST
    @Path("editions/{edition}/nominations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a draft (201): a territory for itself, an organiser for territoryId")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid values")
    @APIResponse(responseCode = "403", description = "Neither a territory member nor an organiser")
    @APIResponse(responseCode = "404", description = "No such edition, category or territory")
    @APIResponse(
            responseCode = "409",
            description = "Nominations closed, or the category's limit per territory reached")
    public Response create(@PathParam("edition") String editionKey, JsonObject body) {
        JsonFields.required(body);
        Edition edition = nominations.edition(editionKey);
        String code = string(body, "category");
        Category category = edition.getCategories().stream()
                .filter(c -> c.getCode().equals(code))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("category"));
        // Every field read before anything is written: a field of the wrong type must not leave a draft behind.
        Long territoryId = JsonFields.id(body, "territoryId");
        String title = string(body, "title");
        String summary = string(body, "summary");
        Map<Long, String> answers = answers(body);
        Nomination created = territoryId != null
                ? nominations.createDraft(territoryId, category.getId(), title)
                : nominations.createForCaller(category.getId(), title);
        if (body.containsKey("summary") || body.containsKey("answers")) {
            created = nominations.save(created.getId(), created.getVersion(), created.getTitle(), summary, answers);
        }
        return Response.created(uri.getBaseUriBuilder().path("nominations/{id}").build(created.getId()))
                .tag(etag(created))
                .entity(view(created))
                .build();
    }

    @GET
    @Path("nominations/{id}")
    @Operation(summary = "One nomination, with its ETag")
    @APIResponse(responseCode = "404", description = "No such nomination, or not visible to the caller")
    public Response one(@PathParam("id") long id) {
        Nomination nomination = nominations.getVisible(id);
        return Response.ok(view(nomination)).tag(etag(nomination)).build();
    }

    /** Replaces title, summary and the answers given; 428 without If-Match, 412 when it names an old version. */
    @PUT
    @Path("nominations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces title, summary and the answers given (If-Match)")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid values")
    @APIResponse(responseCode = "404", description = "No such nomination, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not changeable any more (submitted, deadline passed)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
        JsonFields.required(body);
        Nomination current = nominations.getChangeable(id);
        if (ifMatch == null || ifMatch.isBlank()) throw new DomainException(428, "nomination.ifMatch.required");
        long expected = version(ifMatch);
        Nomination saved = nominations.save(
                current.getId(),
                expected,
                body.containsKey("title") ? string(body, "title") : current.getTitle(),
                body.containsKey("summary") ? string(body, "summary") : current.getSummary(),
                answers(body));
        return Response.ok(view(saved)).tag(etag(saved)).build();
    }

    @POST
    @Path("nominations/{id}/submit")
    @Operation(summary = "Submits the nomination; it gets its reference")
    @APIResponse(responseCode = "404", description = "No such nomination, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not changeable any more, deadline passed")
    @APIResponse(responseCode = "422", description = "Something required is missing (listed in the detail)")
    public Response submit(@PathParam("id") long id) {
        try {
            Nomination submitted = nominations.submit(id);
            return Response.ok(view(submitted)).tag(etag(submitted)).build();
        } catch (NominationService.IncompleteNomination e) {
            throw new DomainException(422, "nomination.incomplete", String.join(", ", e.missing(locale())));
        }
    }

    @POST
    @Path("nominations/{id}/withdraw")
    @Operation(summary = "Withdraws the nomination")
    @APIResponse(responseCode = "404", description = "No such nomination, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not changeable any more, deadline passed")
    public Response withdraw(@PathParam("id") long id) {
        Nomination withdrawn = nominations.withdraw(id);
        return Response.ok(view(withdrawn)).tag(etag(withdrawn)).build();
    }

    @GET
    @Path("nominations/{id}/receipt")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The PDF receipt of a submitted nomination, as e-mailed to its territory on submission")
    @APIResponse(responseCode = "404", description = "No such nomination, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not submitted yet: no receipt")
    public Response receipt(@PathParam("id") long id, @QueryParam("lang") String lang) {
        // The page links with the language the reader chose on the site, which may differ from the browser's.
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : "fr".equals(lang) ? Locale.FRENCH : locale();
        byte[] pdf = nominations.receipt(id, locale);
        Nomination nomination = nominations.get(id);
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        FileNames.contentDisposition(false, NominationReceipt.fileName(nomination)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @GET
    @Path("nominations/{id}/attachments")
    @Operation(summary = "The nomination's files")
    @APIResponse(responseCode = "404", description = "No such nomination, or not visible to the caller")
    public List<AttachmentView> attachments(@PathParam("id") long id) {
        Nomination nomination = nominations.getVisible(id);
        return attachments.list(id).stream()
                .map(a -> AttachmentView.of(id, a, nominationAccess.fileName(nomination, a)))
                .toList();
    }

    /**
     * Adds a file sent as the raw request body, its name in {@code X-Filename} (URL-encoded UTF-8) or in a
     * {@code Content-Disposition} header's filename.
     */
    @POST
    @Path("nominations/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Adds a file sent as the raw body, named by X-Filename (201)")
    @APIResponse(responseCode = "400", description = "No name, a badly encoded X-Filename, or an empty file")
    @APIResponse(responseCode = "404", description = "No such nomination, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not changeable any more")
    @APIResponse(responseCode = "413", description = "File too large, or too many files")
    @APIResponse(responseCode = "415", description = "File type not accepted")
    public Response upload(
            @PathParam("id") long id,
            @HeaderParam("X-Filename") String filename,
            @HeaderParam("Content-Disposition") String disposition,
            InputStream body) {
        String name = filename != null ? FileNames.fromHeader(filename) : dispositionName(disposition);
        Attachment added = attachments.add(id, name, body);
        return Response.created(uri.getBaseUriBuilder()
                        .path("nominations/{id}/attachments/{a}")
                        .build(id, added.getId()))
                .entity(AttachmentView.of(id, added, added.getOriginalName()))
                .build();
    }

    /** The file itself, as a download; {@code ?inline=true} shows a PDF or an image in the page instead. */
    @GET
    @Path("nominations/{id}/attachments/{attachment}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The file itself (?inline=true shows a PDF or an image)")
    @APIResponse(responseCode = "404", description = "No such nomination or file, or not visible to the caller")
    @APIResponse(
            responseCode = "422",
            description = "Blind review: the file cannot be copied without its metadata, so it is not sent")
    @APIResponse(responseCode = "503", description = "Blind review: too many copies being made, try again")
    public Response download(
            @PathParam("id") long id,
            @PathParam("attachment") long attachmentId,
            @QueryParam("inline") @DefaultValue("false") boolean inline) {
        // The download and the preview alike: a blind reviewer's copy holds no metadata naming its author.
        AttachmentService.Download file = attachments.download(id, attachmentId);
        Attachment attachment = file.attachment();
        boolean preview = inline
                && AttachmentType.ofMediaType(attachment.getContentType())
                        .map(AttachmentType::previewable)
                        .orElse(false);
        var response = Response.ok(file.content(), attachment.getContentType())
                .header("Content-Length", file.length())
                .header("Content-Disposition", FileNames.contentDisposition(preview, file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
        if (preview) {
            // Shown inside the nomination page (an iframe or an img): same origin only, and nothing active in it.
            response.header("X-Frame-Options", "SAMEORIGIN");
            response.header(
                    "Content-Security-Policy",
                    "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; "
                            + "frame-ancestors 'self'");
        } else {
            response.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        }
        return response.build();
    }

    /** The territory's consent to show an image on the public pages: {@code {"consent": true}} or false. */
    @PUT
    @Path("nominations/{id}/attachments/{attachment}/public-consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gives or withdraws the consent to show an image publicly ({\"consent\": true})")
    @APIResponse(responseCode = "400", description = "Malformed JSON, or no boolean consent")
    @APIResponse(responseCode = "404", description = "No such nomination or file, or not the caller's")
    @APIResponse(responseCode = "422", description = "Not an image: only an image may be shown publicly")
    public AttachmentView consent(
            @PathParam("id") long id, @PathParam("attachment") long attachmentId, JsonObject body) {
        JsonFields.required(body);
        var consent = body.get("consent");
        if (consent == null
                || (consent.getValueType() != jakarta.json.JsonValue.ValueType.TRUE
                        && consent.getValueType() != jakarta.json.JsonValue.ValueType.FALSE)) {
            throw DomainException.invalid("attachment.consent.boolean");
        }
        Attachment changed = attachments.consentToPublicDisplay(
                id, attachmentId, consent.getValueType() == jakarta.json.JsonValue.ValueType.TRUE);
        return AttachmentView.of(id, changed, changed.getOriginalName());
    }

    @DELETE
    @Path("nominations/{id}/attachments/{attachment}")
    @Operation(summary = "Removes a file (204)")
    @APIResponse(responseCode = "404", description = "No such nomination or file, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not changeable any more")
    public Response removeAttachment(@PathParam("id") long id, @PathParam("attachment") long attachmentId) {
        attachments.remove(id, attachmentId);
        return Response.noContent().build();
    }

    /** The extra questions of a category's form (organisers). */
    @GET
    @Path("organiser/categories/{category}/questions")
    @Operation(summary = "The extra questions of a category's form (organisers)")
    @APIResponse(responseCode = "404", description = "No such category")
    public List<QuestionView> questions(@PathParam("category") long categoryId) {
        return nominations.questionsOf(categoryId).stream()
                .map(QuestionView::of)
                .toList();
    }

    /** Adds an extra question to a category's form (organisers). */
    @POST
    @Path("organiser/categories/{category}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an extra question to a category's form (organisers, 201)")
    @APIResponse(responseCode = "400", description = "Unknown kind, missing label, malformed JSON")
    @APIResponse(responseCode = "404", description = "No such category")
    public Response addQuestion(@PathParam("category") long categoryId, JsonObject body) {
        JsonFields.required(body);
        String kindName = JsonFields.text(body, "kind");
        QuestionKind kind;
        try {
            kind = kindName == null ? QuestionKind.TEXT : QuestionKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("error.validation");
        }
        Question added = nominations.addQuestion(
                categoryId,
                string(body, "labelFr"),
                string(body, "labelEn"),
                kind,
                JsonFields.bool(body, "required", false),
                string(body, "helpFr"),
                string(body, "helpEn"),
                string(body, "choices"));
        return Response.status(Response.Status.CREATED)
                .entity(QuestionView.of(added))
                .build();
    }

    private static String dispositionName(String disposition) {
        if (disposition == null) return "document";
        var m = java.util.regex.Pattern.compile("filename=\"?([^\";]*)\"?").matcher(disposition);
        return m.find() ? m.group(1) : "document";
    }

    private static long version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) value = value.substring(2);
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DomainException(412, "nomination.stale");
        }
    }

    private static EntityTag etag(Nomination nomination) {
        return new EntityTag(String.valueOf(nomination.getVersion()));
    }

    private static String string(JsonObject body, String key) {
        return JsonFields.text(body, key);
    }

    private static Map<Long, String> answers(JsonObject body) {
        Map<Long, String> answers = new HashMap<>();
        JsonObject given = JsonFields.object(body, "answers");
        if (given == null) return answers;
        for (var entry : given.entrySet()) {
            try {
                JsonValue v = entry.getValue();
                answers.put(
                        Long.valueOf(entry.getKey()),
                        v.getValueType() == JsonValue.ValueType.STRING
                                ? ((jakarta.json.JsonString) v).getString()
                                : v.getValueType() == JsonValue.ValueType.NULL ? "" : v.toString());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("question.unknown", entry.getKey());
            }
        }
        return answers;
    }

    private Locale locale() {
        return Language.of(headers);
    }

    private NominationView view(Nomination n) {
        Locale locale = locale();
        return new NominationView(
                n.getId(),
                n.getReference(),
                n.getCategory().getEdition().getCode(),
                n.getCategory().getCode(),
                nominationAccess.territoryName(n),
                n.getTitle(),
                n.getSummary(),
                n.getStatus().name(),
                n.getVersion(),
                n.getCreatedAt(),
                n.getUpdatedAt(),
                n.getSubmittedAt(),
                nominations.questions(n.getCategory()).stream()
                        .map(q -> new AnswerView(
                                q.getId(),
                                q.label(locale),
                                q.getKind().name(),
                                q.isRequired(),
                                q.choiceList(),
                                n.valueOf(q)))
                        .toList(),
                n.getAttachments().stream()
                        .map(a -> AttachmentView.of(n.getId(), a, nominationAccess.fileName(n, a)))
                        .toList(),
                n.isChangeable() ? nominations.missing(n, locale) : List.of());
    }

    /** An extra question of a category's form. */
    public record QuestionView(
            long id, String labelFr, String labelEn, String kind, boolean required, List<String> choices) {
        static QuestionView of(Question q) {
            return new QuestionView(
                    q.getId(), q.getLabelFr(), q.getLabelEn(), q.getKind().name(), q.isRequired(), q.choiceList());
        }
    }

    /** One page of a list. */
    public record PageView(List<Summary> items, int page, int size, long total) {}

    /** A nomination in a list. */
    public record Summary(
            long id,
            String reference,
            String category,
            String territory,
            String title,
            String status,
            long version,
            Instant updatedAt) {
        static Summary of(Nomination n) {
            return new Summary(
                    n.getId(),
                    n.getReference(),
                    n.getCategory().getCode(),
                    n.getTerritory().getName(),
                    n.getTitle(),
                    n.getStatus().name(),
                    n.getVersion(),
                    n.getUpdatedAt());
        }
    }

    /** A nomination in full; {@code territory} is null when the caller reviews blind. */
    public record NominationView(
            long id,
            String reference,
            String edition,
            String category,
            String territory,
            String title,
            String summary,
            String status,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Instant submittedAt,
            List<AnswerView> answers,
            List<AttachmentView> attachments,
            List<String> missing) {}

    /**
     * An extra question and the nomination's answer to it; a CHOICE question lists the answers it accepts (empty for
     * the other kinds), so a client can fill it.
     */
    public record AnswerView(
            long questionId, String label, String kind, boolean required, List<String> choices, String value) {}

    /** An attached file and where to download it. */
    public record AttachmentView(
            long id,
            String name,
            String contentType,
            long size,
            Instant uploadedAt,
            boolean publicConsent,
            String href) {
        static AttachmentView of(long nominationId, Attachment a, String shownName) {
            return new AttachmentView(
                    a.getId(),
                    shownName,
                    a.getContentType(),
                    a.getSize(),
                    a.getUploadedAt(),
                    a.isPublicConsent(),
                    "/api/v1/nominations/" + nominationId + "/attachments/" + a.getId());
        }
    }
}
