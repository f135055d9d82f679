package org.polaris.writer;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/** Collects every kind's store (CDI beans implementing {@link KindStore}) into the writer's {@link Stores}. */
@ApplicationScoped
public class StoresProducer {

    private static final Logger LOG = Logger.getLogger(StoresProducer.class);

    @Produces
    @Singleton
    Stores stores(@Any Instance<KindStore<?>> beans) {
        List<KindStore<?>> all = new ArrayList<>();
        beans.forEach(all::add);
        Stores stores = Stores.of(all);
        for (SourceKind<?> kind : SourceKinds.all()) {
            if (stores.ofKind(kind.id()).isEmpty()) {
                // its valid rows are set aside ("no run can claim it") and its runs never complete: say so at start
                LOG.warnf("source kind %s is registered but this build has no writer store for it", kind.id());
            }
        }
        return stores;
    }
}
