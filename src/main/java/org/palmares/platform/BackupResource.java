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

/** Online backups over REST, for organisers and the {@code ./palmares backup} command. */
@Path("organiser/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {
    @Inject
    Backups backups;

    @GET
    public List<Backups.Backup> list() {
        return backups.list();
    }

    @POST
    public Response create() {
        Backups.Backup backup = backups.create();
        return Response.created(URI.create("organiser/backups/" + backup.name()))
                .entity(backup)
                .build();
    }
}
