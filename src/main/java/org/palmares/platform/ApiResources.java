package org.palmares.platform;

import java.util.List;
import org.palmares.account.MeResource;
import org.palmares.account.TokenResource;
import org.palmares.ceremony.CeremonyResource;
import org.palmares.ceremony.VoteResource;
import org.palmares.ceremony.publication.PalmaresResource;
import org.palmares.edition.EditionResource;
import org.palmares.edition.transfer.TransferResource;
import org.palmares.jury.EditionJuryResource;
import org.palmares.jury.JuryResource;
import org.palmares.nomination.NominationResource;
import org.palmares.nomination.TerritoryResource;
import org.palmares.scoring.JuryGuideResource;
import org.palmares.scoring.ScoringOversightResource;
import org.palmares.scoring.ScoringResource;
import org.palmares.tally.TallyResource;

/**
 * The JAX-RS resources of {@code /api/v1}, the classes the OpenAPI document is made of. Payara scans only these (a
 * bug of its scanner fails the whole document on a Bean Validation annotation of a service method's parameter), so a
 * new resource goes here; OperationsIT fails until it does.
 */
public final class ApiResources {
    public static final List<Class<?>> ALL = List.of(
            MeResource.class,
            CeremonyResource.class,
            VoteResource.class,
            PalmaresResource.class,
            EditionResource.class,
            EditionJuryResource.class,
            JuryResource.class,
            NominationResource.class,
            TerritoryResource.class,
            OutboxResource.class,
            JuryGuideResource.class,
            ScoringOversightResource.class,
            ScoringResource.class,
            TallyResource.class,
            BackupResource.class,
            TokenResource.class,
            TransferResource.class);

    private ApiResources() {}
}
