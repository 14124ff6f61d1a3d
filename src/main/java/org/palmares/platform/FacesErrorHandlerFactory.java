package org.palmares.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.RequestDispatcher;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.palmares.edition.PhaseBlocked;

/**
 * The one exception handler of the pages: a broken domain rule becomes a message on the same page (the user's
 * input stays where it was), an expired view goes to a page that explains it, anything else to the error page. A write
 * the storage cannot take (a full disk) is a domain rule like any other on a form; on a page being opened it is the
 * 503 page. An error page that fails itself gets a page written here, without the database: never a redirect loop.
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
                    if (cause == thrown)
                        cause = StorageStatus.failureIn(thrown)
                                .map(Throwable.class::cast)
                                .orElse(thrown);
                    if (onErrorPage(context)) {
                        LOG.log(Level.SEVERE, "The error page failed itself", thrown);
                        plainPage(context, cause);
                    } else if (cause instanceof DomainException domain) {
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
            if (domain instanceof StorageUnavailable && !context.isPostback()) {
                // A page that writes as it opens (a juror's first look at a dossier): nothing to show it on.
                sendError(context, 503);
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

        /** Whether this request renders one of the error pages (straight, or forwarded to by web.xml's error pages). */
        private static boolean onErrorPage(FacesContext context) {
            String view =
                    context.getViewRoot() == null ? "" : context.getViewRoot().getViewId();
            Object dispatched = context.getExternalContext().getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE);
            return view.startsWith("/error/") || dispatched != null;
        }

        /** The status through web.xml's error pages ({@link ErrorDispatchServlet}): a page with that status. */
        private static void sendError(FacesContext context, int status) {
            try {
                if (!context.getExternalContext().isResponseCommitted()) {
                    context.getExternalContext().responseSendError(status, null);
                }
                context.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }

        /** A page that needs nothing but the bundles, for when the error page itself failed. */
        private static void plainPage(FacesContext context, Throwable cause) {
            var external = context.getExternalContext();
            try {
                if (!external.isResponseCommitted()) {
                    var locale = Language.of((jakarta.servlet.http.HttpServletRequest) external.getRequest());
                    external.responseReset();
                    if (cause instanceof StorageUnavailable storage) {
                        external.setResponseStatus(503);
                        external.setResponseHeader("Retry-After", String.valueOf(storage.retryAfterSeconds()));
                    } else {
                        external.setResponseStatus(500);
                    }
                    external.setResponseContentType("text/html");
                    external.setResponseCharacterEncoding("UTF-8");
                    String page = cause instanceof StorageUnavailable ? "503" : "500";
                    external.getResponseOutputWriter()
                            .write(ErrorDispatchServlet.plainHtml(locale, page, external.getRequestContextPath()));
                }
                context.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
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
