package org.palmares.scoring;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.edition.EditionService;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;

/** The organisers' jury-guide editor ({@code ?guide=general&lang=fr}): Markdown, preview, save, reset, history. */
@Named
@ViewScoped
public class GuidesBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient JuryGuideService guides;

    @Inject
    transient EditionService editions;

    @Inject
    transient Language language;

    private String guide = JuryGuides.GENERAL;
    private String lang = "fr";
    private String markdown;
    private String previewHtml;

    @PostConstruct
    void load() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        if (params.get("guide") != null && !params.get("guide").isBlank()) guide = params.get("guide");
        if (params.get("lang") != null && !params.get("lang").isBlank()) lang = params.get("lang");
        markdown = guides.text(guide, lang).markdown();
        previewHtml = guides.preview(markdown);
    }

    public List<String> getGuides() {
        return guides.guidesOf(editions.getCurrent());
    }

    public String label(String key) {
        if (JuryGuides.GENERAL.equals(key)) return Messages.get(locale(), "guides.guide.general");
        return editions.getCurrent().getCategories().stream()
                .filter(c -> c.getCode().equals(key))
                .findFirst()
                .map(c -> c.name(locale()) + " (" + key + ")")
                .orElse(key);
    }

    public List<String> getLanguages() {
        return JuryGuideService.LANGUAGES;
    }

    public JuryGuideService.GuideText getText() {
        return guides.text(guide, lang);
    }

    public List<JuryGuideVersion> getHistory() {
        return guides.history(guide, lang);
    }

    public void preview() {
        previewHtml = guides.preview(markdown);
    }

    public void save() {
        try {
            guides.save(guide, lang, markdown);
            previewHtml = guides.preview(markdown);
            info("guides.saved");
        } catch (DomainException e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    Messages.get(locale(), e.messageKey(), e.arguments()),
                                    null));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void reset() {
        guides.reset(guide, lang);
        markdown = guides.text(guide, lang).markdown();
        previewHtml = guides.preview(markdown);
        info("guides.resetDone");
    }

    private Locale locale() {
        return language.getLocale();
    }

    private void info(String key) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key), null));
    }

    public String getGuide() {
        return guide;
    }

    public String getLang() {
        return lang;
    }

    public String getMarkdown() {
        return markdown;
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown;
    }

    public String getPreviewHtml() {
        return previewHtml;
    }
}
