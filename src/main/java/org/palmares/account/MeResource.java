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

/** The logged-in caller's own account. (Root path: ScoringResource serves me/assignments beside it.) */
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
    public Response data() {
        return Response.ok(personalData.ofCaller())
                .header("Content-Disposition", "attachment; filename=\"palmares-personal-data.json\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** Who the caller is. */
    public record Me(String email, String displayName, List<String> roles) {}
}
