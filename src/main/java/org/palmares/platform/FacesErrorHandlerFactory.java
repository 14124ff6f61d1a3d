package org.palmares.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.palmares.edition.PhaseBlocked;

/**
 * The one exception handler of the pages: a broken domain rule becomes a message on the same page (the user's
 * input stays where it was), an expired view goes to a page that explains it, anything else to the error page.
 */
public class FacesErrorHandlerFactory extends ExceptionHandlerFactory {
    private static final Logger LOG = Logger.getLogger(FacesErrorHandlerFactory.class.getName());

    public FacesErrorHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {
        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            FacesContext context = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                Throwable cause = rootDomainCause(thrown);
                try {
                    if (cause instanceof DomainException domain) {
                        showOnPage(context, domain);
                    } else if (cause instanceof ConstraintViolationException cve) {
                        cve.getConstraintViolations()
                                .forEach(v -> context.addMessage(
                                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, v.getMessage(), null)));
                        context.validationFailed();
                    } else if (thrown instanceof ViewExpiredException || cause instanceof ViewExpiredException) {
                        redirect(context, "/error/expired.xhtml");
                    } else {
                        LOG.log(Level.SEVERE, "Unexpected error on a page", thrown);
                        redirect(context, "/error/500.xhtml");
                    }
                } finally {
                    events.remove();
                }
            }
            getWrapped().handle();
        }

        private static void showOnPage(FacesContext context, DomainException domain) {
            var locale = context.getViewRoot() == null
                    ? Messages.DEFAULT
                    : context.getViewRoot().getLocale();
            if (domain.status() == 403 || (domain.status() == 404 && !context.isPostback())) {
                redirect(context, "/error/" + (domain.status() == 403 ? 403 : 404) + ".xhtml");
                return;
            }
            context.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            Messages.get(locale, domain.messageKey(), domain.arguments()),
                            null));
            if (domain instanceof PhaseBlocked blocked) {
                blocked.missing()
                        .forEach(key -> context.addMessage(
                                null, new FacesMessage(FacesMessage.SEVERITY_WARN, Messages.get(locale, key), null)));
            }
            context.validationFailed();
            context.renderResponse();
        }

        private static Throwable rootDomainCause(Throwable thrown) {
            Throwable current = thrown;
            while (current != null) {
                if (current instanceof DomainException
                        || current instanceof ConstraintViolationException
                        || current instanceof ViewExpiredException) {
                    return current;
                }
                current = current.getCause();
            }
            return thrown;
        }

        private static void redirect(FacesContext context, String page) {
            try {
                if (!context.getExternalContext().isResponseCommitted()) {
                    context.getExternalContext()
                            .redirect(context.getExternalContext().getRequestContextPath() + page);
                    context.responseComplete();
                }
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
    }
}
