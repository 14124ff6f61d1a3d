package org.palmares.edition.transfer;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.edition.Phase;
import org.palmares.platform.DomainException;
import org.palmares.platform.Messages;

/** The organisers' transfer page: export an edition, import one, anonymise an archived one. */
@Named
@ViewScoped
public class TransferBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @Inject
    transient EditionImport importer;

    @Inject
    transient EditionAnonymisation anonymisation;

    private transient Part file;

    @Size(max = 20)
    private String newCode;

    private String anonymiseCode;

    @NotBlank
    @Size(max = 1000)
    private String reason;

    private transient List<Edition> all;

    @PostConstruct
    void load() {
        all = editions.all();
    }

    public List<Edition> getEditions() {
        if (all == null) all = editions.all();
        return all;
    }

    /** The archived editions not anonymised yet. */
    public List<Edition> getAnonymisable() {
        return getEditions().stream()
                .filter(e -> e.getPhase() == Phase.ARCHIVED && !e.isAnonymised())
                .toList();
    }

    public void importZip() {
        if (file == null || file.getSize() == 0) {
            message(FacesMessage.SEVERITY_ERROR, "transfer.import.noFile");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            EditionImport.Outcome done = importer.importZip(in, newCode);
            message(
                    FacesMessage.SEVERITY_INFO,
                    "transfer.import.done",
                    done.code(),
                    done.from(),
                    done.nominations(),
                    done.attachments(),
                    done.accountsCreated());
            newCode = null;
            all = null;
        } catch (DomainException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.messageKey(), refused.arguments());
        } catch (IOException e) {
            message(FacesMessage.SEVERITY_ERROR, "transfer.zip.malformed");
        }
    }

    public void anonymise() {
        EditionAnonymisation.Outcome done = anonymisation.anonymise(anonymiseCode, reason);
        message(
                FacesMessage.SEVERITY_INFO,
                "transfer.anonymise.done",
                done.code(),
                done.jurors(),
                done.members(),
                done.votes());
        reason = null;
        anonymiseCode = null;
        all = null;
    }

    private static void message(FacesMessage.Severity severity, String key, Object... args) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(severity, Messages.get(locale, key, args), null));
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getAnonymiseCode() {
        return anonymiseCode;
    }

    public void setAnonymiseCode(String anonymiseCode) {
        this.anonymiseCode = anonymiseCode;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
