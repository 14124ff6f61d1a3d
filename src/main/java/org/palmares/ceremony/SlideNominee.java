package org.palmares.ceremony;

/** A nomination as the ceremony shows it; {@code pictureUrl} is empty when it has no picture. */
public record SlideNominee(long id, String reference, String title, String territory, String pictureUrl) {
    public SlideNominee {
        pictureUrl = pictureUrl == null ? "" : pictureUrl;
    }

    /** For EL, which cannot read record components. */
    public String getTitle() {
        return title;
    }

    public String getTerritory() {
        return territory;
    }

    public String getReference() {
        return reference;
    }

    public String getPictureUrl() {
        return pictureUrl;
    }
}
