package org.polaris.launcher.wiring;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.polaris.ingest.HeaderKinds;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.MappingSource;

/**
 * Ingest's view of a kind's contract, in the one-process application: a header carries a kind when
 * the kind's current alias mapping (the one its run would start under) finds every required field.
 */
@ApplicationScoped
public class NormalizerHeaderKinds implements HeaderKinds {

    @Inject
    @Any
    Instance<KindRules<?>> rules;

    @Inject
    MappingSource mappings;

    @Override
    public boolean carries(String kindId, List<String> header) {
        return rulesOf(kindId).map(r -> mappings.current(kindId).resolve(r.contract(), header).missing().isEmpty())
                .orElse(false);
    }

    @Override
    public List<String> required(String kindId) {
        return rulesOf(kindId).map(r -> r.contract().stream().filter(Field::required).map(Field::label).toList())
                .orElse(List.of());
    }

    private java.util.Optional<KindRules<?>> rulesOf(String kindId) {
        for (KindRules<?> r : rules) {
            if (r.kind().id().equals(kindId)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
