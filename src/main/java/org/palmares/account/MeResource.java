package org.palmares.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The logged-in caller's own account. (Root path: ScoringResource serves me/assignments beside it.) */
@Tag(name = "Me", description = "The logged-in caller's own account")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    @Inject
    PersonalData personalData;

    @GET
    @Path("me")
    @Operation(summary = "Who the caller is: e-mail, name and roles")
    public Me me() {
        Account account = accounts.getByEmail(security.getCallerPrincipal().getName());
        return new Me(
                account.getEmail(),
                account.getDisplayName(),
                account.getRoles().stream().map(Role::name).sorted().toList());
    }

    /** Everything Palmarès holds about the caller, as a JSON file to keep. */
    @GET
    @Path("me/data")
    @Operation(summary = "Everything Palmarès holds about the caller, as a JSON file (their personal data)")
    public Response data() {
        return Response.ok(personalData.ofCaller())
                .header("Content-Disposition", "attachment; filename=\"palmares-personal-data.json\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** Who the caller is. */
    public record Me(String email, String displayName, List<String> roles) {}
}
