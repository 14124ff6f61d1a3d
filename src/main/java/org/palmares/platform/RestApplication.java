package org.palmares.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.palmares.account.Role;

/** The REST API of Palmarès, version 1. */
@ApplicationPath("/api/v1")
@DeclareRoles({Role.ORGANISER_NAME, Role.JUROR_NAME, Role.TERRITORY_NAME})
public class RestApplication extends Application {}
