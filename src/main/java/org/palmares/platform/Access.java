package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.function.Supplier;
import org.palmares.account.Role;

/**
 * Server-side access checks that services make on top of the URL constraints of web.xml. Work that the
 * application does by itself (start-up, demo loading) runs {@link #asSystem} and passes every check.
 */
@ApplicationScoped
public class Access {
    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

    @Inject
    SecurityContext security;

    public static <T> T asSystem(Supplier<T> work) {
        boolean before = SYSTEM.get();
        SYSTEM.set(true);
        try {
            return work.get();
        } finally {
            SYSTEM.set(before);
        }
    }

    public boolean isSystem() {
        return SYSTEM.get();
    }

    public boolean has(Role role) {
        return isSystem() || security.isCallerInRole(role.name());
    }

    public void require(Role role) {
        if (!has(role)) throw DomainException.forbidden();
    }

    /** The logged-in caller's e-mail, or empty for system work and anonymous visitors. */
    public java.util.Optional<String> callerEmail() {
        if (isSystem()) return java.util.Optional.empty();
        var principal = security.getCallerPrincipal();
        return java.util.Optional.ofNullable(principal).map(java.security.Principal::getName);
    }
}
