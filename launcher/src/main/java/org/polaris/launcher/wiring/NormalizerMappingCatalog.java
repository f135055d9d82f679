package org.polaris.launcher.wiring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.AliasMapping;
import org.polaris.normalizer.mapping.MappingConfig;
import org.polaris.writer.mapping.MappingCatalog;

/**
 * The writer's view of the kinds with a mapping, in the one-process application: every kind the
 * normalizer has rules for, with its contract and the aliases the configuration gives it.
 */
@ApplicationScoped
public class NormalizerMappingCatalog implements MappingCatalog {

    @Inject
    @Any
    Instance<KindRules<?>> rules;

    @Inject
    MappingConfig config;

    private volatile List<KindContract> kinds;

    @Override
    public List<KindContract> kinds() {
        List<KindContract> k = kinds;
        if (k == null) {
            AliasMapping configured = config.toMapping();
            List<KindContract> all = new ArrayList<>();
            for (KindRules<?> r : rules) {
                all.add(new KindContract(r.kind().id(), r.kind().slug(), r.contract().stream()
                        .map(f -> new FieldInfo(f.key(), f.label(), f.required())).toList(),
                        configured.aliasesOf(r.kind().id())));
            }
            all.sort(Comparator.comparing(KindContract::slug));
            kinds = k = List.copyOf(all);
        }
        return k;
    }
}
