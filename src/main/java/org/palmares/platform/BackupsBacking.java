package org.palmares.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The organisers' backup page: the backups on disk, a button to take one now, and how to restore. */
@Named
@RequestScoped
public class BackupsBacking {
    @Inject
    Backups backups;

    private List<Backups.Backup> list;

    public List<Backups.Backup> getBackups() {
        if (list == null) list = backups.list();
        return list;
    }

    public String create() {
        Backups.Backup backup = backups.create();
        FacesContext context = FacesContext.getCurrentInstance();
        String text = Messages.get(context.getViewRoot().getLocale(), "backups.created", backup.name(), backup.path());
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        context.getExternalContext().getFlash().setKeepMessages(true);
        return "/organiser/backups?faces-redirect=true";
    }

    /** Bytes as the page shows them, e.g. "12.4 Mo". */
    public String megabytes(long bytes) {
        return String.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(), "%.1f", bytes / 1_048_576.0);
    }
}
