package org.palmares.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The login requirement of {@code /api/v1/editions/…}, which web.xml cannot state any more since the public vote
 * lives there too (a URL pattern cannot say "every path but …/votes"): a method not marked {@link PublicEndpoint}
 * answers 401 to an anonymous caller, as the URL constraint did. Roles and object access stay checked by the services.
 */
@Provider
public class EditionPathsRequireLogin implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Context
    jakarta.ws.rs.core.SecurityContext security;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) path = path.substring(1);
        if (!path.startsWith("editions/")) return;
        var method = resource.getResourceMethod();
        boolean open = method != null
                && (method.isAnnotationPresent(PublicEndpoint.class)
                        || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
        if (!open && security.getUserPrincipal() == null) {
            throw new DomainException(401, "error.unauthenticated");
        }
    }
}
