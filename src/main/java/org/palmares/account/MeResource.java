package org.palmares.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The logged-in caller's own account. */
@Tag(name = "Me", description = "The logged-in caller's own account")
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    @GET
    @Operation(summary = "Who the caller is: e-mail, name and roles")
    public Me me() {
        Account account = accounts.getByEmail(security.getCallerPrincipal().getName());
        return new Me(
                account.getEmail(),
                account.getDisplayName(),
                account.getRoles().stream().map(Role::name).sorted().toList());
    }

    /** Who the caller is. */
    public record Me(String email, String displayName, List<String> roles) {}
}
