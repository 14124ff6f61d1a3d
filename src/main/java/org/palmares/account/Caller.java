package org.palmares.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

/** Who is logged in, for the template's role-aware navigation. */
@Named("caller")
@RequestScoped
public class Caller {
    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    private Optional<Account> account;

    public boolean isLoggedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isOrganiser() {
        return security.isCallerInRole(Role.ORGANISER_NAME);
    }

    public boolean isJuror() {
        return security.isCallerInRole(Role.JUROR_NAME);
    }

    public boolean isTerritory() {
        return security.isCallerInRole(Role.TERRITORY_NAME);
    }

    public String getDisplayName() {
        return account().map(Account::getDisplayName).orElse("");
    }

    /** The landing page of the caller's main role. */
    public String getHome() {
        return new Landing(security).home();
    }

    /** Which page a caller lands on: the page of their most powerful role. */
    record Landing(SecurityContext security) {
        String home() {
            if (security.isCallerInRole(Role.ORGANISER_NAME)) return "/organiser/index.xhtml";
            if (security.isCallerInRole(Role.JUROR_NAME)) return "/jury/index.xhtml";
            if (security.isCallerInRole(Role.TERRITORY_NAME)) return "/territory/index.xhtml";
            return "/index.xhtml";
        }
    }

    private Optional<Account> account() {
        if (account == null) {
            var principal = security.getCallerPrincipal();
            account = principal == null ? Optional.empty() : accounts.findByEmail(principal.getName());
        }
        return account;
    }
}
