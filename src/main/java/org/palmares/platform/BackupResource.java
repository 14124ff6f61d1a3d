package org.palmares.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Online backups over REST, for organisers and the {@code ./palmares backup} command. */
@Tag(name = "Backups", description = "Online backups of an embedded-Derby Palmarès (organisers)")
@Path("organiser/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {
    @Inject
    Backups backups;

    @GET
    @Operation(summary = "The backups on disk, newest first")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    public List<Backups.Backup> list() {
        return backups.list();
    }

    @POST
    @Operation(summary = "Takes a consistent online backup now (database, attachments, vote key)")
    @APIResponse(responseCode = "201", description = "Made; where it is and what it holds")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "409", description = "A backup is already running, or the database is not Derby")
    public Response create() {
        Backups.Backup backup = backups.create();
        return Response.created(URI.create("organiser/backups/" + backup.name()))
                .entity(backup)
                .build();
    }
}
