package org.palmares.ceremony.publication;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import org.palmares.edition.Edition;
import org.palmares.platform.DomainException;

/** Where an edition's ceremony takes place, for the certificates and the public palmarès page. */
@Entity
public class PalmaresVenue {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    private String place;

    @Version
    private long version;

    protected PalmaresVenue() {}

    public PalmaresVenue(Edition edition) {
        this.edition = edition;
    }

    public void moveTo(String newPlace) {
        String p = newPlace == null ? null : newPlace.strip();
        if (p != null && p.length() > 200) throw DomainException.invalid("publication.place.tooLong", 200);
        place = p == null || p.isEmpty() ? null : p;
    }

    public Edition getEdition() {
        return edition;
    }

    public String getPlace() {
        return place;
    }
}
