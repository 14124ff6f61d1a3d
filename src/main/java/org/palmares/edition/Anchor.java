package org.palmares.edition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import org.palmares.platform.Messages;

/** What one value of a criterion's scale means ("1 = no visible action"). */
@Embeddable
public class Anchor {
    @Column(name = "anchor_value")
    private int value;

    private String textFr;
    private String textEn;

    protected Anchor() {}

    public Anchor(int value, String textFr, String textEn) {
        this.value = value;
        this.textFr = textFr;
        this.textEn = textEn;
    }

    public String text(Locale locale) {
        return Messages.pick(locale, textFr, textEn);
    }

    public int getValue() {
        return value;
    }

    public String getTextFr() {
        return textFr;
    }

    public void setTextFr(String textFr) {
        this.textFr = textFr;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }
}
