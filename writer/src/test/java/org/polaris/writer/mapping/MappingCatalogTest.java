package org.polaris.writer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.writer.mapping.MappingCatalog.FieldInfo;
import org.polaris.writer.mapping.MappingCatalog.KindContract;

class MappingCatalogTest {

    private static final MappingCatalog CATALOG = () -> List.of(
            new KindContract("VIRTUAL_SESSIONS", "virtual_sessions", List.of(new FieldInfo("date", "Date", true)), Map.of()),
            new KindContract("SF_AFFILIATIONS", "salesforce-affiliations", List.of(), Map.of()));

    @Test
    void aKindIsFoundByItsImportNameOrIdWhateverTheCaseDashesAndUnderscores() {
        assertThat(CATALOG.bySlugOrId("virtual-sessions")).map(KindContract::kind).contains("VIRTUAL_SESSIONS");
        assertThat(CATALOG.bySlugOrId("Virtual_Sessions")).map(KindContract::kind).contains("VIRTUAL_SESSIONS");
        assertThat(CATALOG.bySlugOrId("salesforce-affiliations")).map(KindContract::kind).contains("SF_AFFILIATIONS");
        assertThat(CATALOG.bySlugOrId("salesforce_affiliations")).map(KindContract::kind).contains("SF_AFFILIATIONS");
        assertThat(CATALOG.bySlugOrId("sf_affiliations")).map(KindContract::kind).contains("SF_AFFILIATIONS");
        assertThat(CATALOG.bySlugOrId("widgets")).isEmpty();
    }

    @Test
    void aFieldIsFoundByItsLabelOrKeyComparedAsHeadersAre() {
        KindContract sessions = CATALOG.kinds().get(0);
        assertThat(sessions.field(" DATE ")).map(FieldInfo::key).contains("date");
        assertThat(sessions.field("Time")).isEmpty();
    }
}
