package org.palmares.tally;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.palmares.edition.Edition;
import org.palmares.platform.DomainException;

/** An edition's tally settings: disagreement threshold, tie-break chain, juror names shown at deliberation. */
@Entity
public class TallyPolicy {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    private BigDecimal disagreementThreshold = BigDecimal.valueOf(20);

    private String tieBreakChain = "RAW,CRITERIA,MEDIAN";

    private boolean showJurorNames;

    @Version
    private long version;

    protected TallyPolicy() {}

    public TallyPolicy(Edition edition) {
        this.edition = edition;
    }

    /** Changes the settings; the chain names each rule once (RAW, CRITERIA, MEDIAN), in the order they apply. */
    public void change(BigDecimal disagreement, List<TieBreak> chain, boolean showNames) {
        if (disagreement == null || disagreement.signum() <= 0 || disagreement.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw DomainException.invalid("tally.policy.disagreement");
        }
        if (chain.stream().distinct().count() != chain.size()) throw DomainException.invalid("tally.policy.chain");
        this.disagreementThreshold = disagreement;
        this.tieBreakChain = String.join(",", chain.stream().map(Enum::name).toList());
        this.showJurorNames = showNames;
    }

    public List<TieBreak> chain() {
        if (tieBreakChain == null || tieBreakChain.isBlank()) return List.of();
        return Arrays.stream(tieBreakChain.split(",")).map(TieBreak::valueOf).toList();
    }

    /** The settings of the pure tally, with the number of sheets each nomination needs. */
    public TallySettings settings(int requiredSheets) {
        return TallySettings.defaults(requiredSheets)
                .withDisagreement(disagreementThreshold.doubleValue())
                .withChain(chain());
    }

    public Long getId() {
        return id;
    }

    public Edition getEdition() {
        return edition;
    }

    public BigDecimal getDisagreementThreshold() {
        return disagreementThreshold;
    }

    public boolean isShowJurorNames() {
        return showJurorNames;
    }

    public long getVersion() {
        return version;
    }
}
