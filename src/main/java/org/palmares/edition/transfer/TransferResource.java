package org.palmares.edition.transfer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.nomination.FileNames;

/** Moving an edition between Palmarès instances over REST: export as a ZIP, import a ZIP, anonymise (organisers). */
@Tag(name = "Edition transfer", description = "Export an edition as a ZIP, import one, anonymise an archived one")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {
    static final String ZIP = "application/zip";

    @Inject
    EditionExport export;

    @Inject
    EditionImport importer;

    @Inject
    EditionAnonymisation anonymisation;

    @GET
    @Path("organiser/editions/{code}/export")
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    @Operation(summary = "The whole edition as a ZIP: edition.json (format palmares-edition/1) and attachments/<id>")
    @APIResponse(responseCode = "200", description = "The ZIP, streamed")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponse(responseCode = "409", description = "An attachment's file is missing on disk")
    public Response export(@PathParam("code") String code) {
        EditionExport.Plan plan = export.plan(code);
        StreamingOutput body = out -> export.write(plan, out);
        return Response.ok(body, ZIP)
                .header("Content-Disposition", FileNames.contentDisposition(false, plan.fileName()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("organiser/editions/import")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Imports an edition ZIP in one transaction; ?code= gives it another code (201)")
    @APIResponse(responseCode = "201", description = "Imported: code, counts")
    @APIResponse(responseCode = "400", description = "Not a ZIP, or a bad new code")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "409", description = "An edition with this code exists (give another with ?code=)")
    @APIResponse(responseCode = "413", description = "Larger than the import limit")
    @APIResponse(
            responseCode = "422",
            description = "Not a Palmarès edition file: unknown format version, bad entry name, missing file…")
    public Response importZip(@QueryParam("code") String code, InputStream body) {
        EditionImport.Outcome outcome = importer.importZip(body, code);
        return Response.status(Response.Status.CREATED).entity(outcome).build();
    }

    /** Anonymises an archived edition from {@code {"reason": "..."}}; irreversible. */
    @POST
    @Path("organiser/editions/{code}/anonymise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Anonymises an archived edition's personal data for good, keeping the palmarès")
    @APIResponse(responseCode = "200", description = "Anonymised: counts")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponse(responseCode = "409", description = "The edition is not archived, or is anonymised already")
    public EditionAnonymisation.Outcome anonymise(@PathParam("code") String code, JsonObject body) {
        String reason = body != null && body.get("reason") instanceof JsonString s ? s.getString() : null;
        return anonymisation.anonymise(code, reason);
    }
}
