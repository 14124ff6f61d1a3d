package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.palmares.platform.Activity;

/** Checks e-mail and password against the accounts in the database; roles become groups. */
@ApplicationScoped
public class PalmaresIdentityStore implements IdentityStore {
    @Inject
    AccountService accounts;

    @Inject
    HttpServletRequest request;

    @Inject
    Activity activity;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var account = accounts.verify(login.getCaller(), login.getPasswordAsString(), request.getRemoteAddr());
        activity.count(account.isPresent() ? Activity.Event.LOGIN_SUCCEEDED : Activity.Event.LOGIN_FAILED);
        return account.map(a -> new CredentialValidationResult(
                        a.getEmail(), a.getRoles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
