package org.polaris.writer.mapping;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Seeds version 1 of each kind's mapping from the configuration, the first time the pipeline starts
 * with the kind (replicas starting together insert it once: the primary key keeps one). After that
 * the database is the mapping: the configuration's aliases are not read again for that kind.
 */
@ApplicationScoped
public class MappingSeed {

    private static final Logger LOG = Logger.getLogger(MappingSeed.class);

    @Inject
    AgroalDataSource db;

    @Inject
    Instance<MappingCatalog> catalog;

    void onStart(@Observes StartupEvent event) {
        if (!catalog.isResolvable()) {
            return;
        }
        try (Connection c = db.getConnection()) {
            seed(c, catalog.get());
        } catch (SQLException e) {
            // the database may be away at start: the first read of a kind seeds it (latest)
            LOG.warnf("could not seed the alias mappings at start (SQLSTATE %s); they are seeded when first read",
                    e.getSQLState());
        }
    }

    /** The kind's newest version, seeding version 1 of every kind first if this one has none yet. */
    public static java.util.Optional<MappingVersion> latest(Connection c, MappingCatalog catalog, String kind)
            throws SQLException {
        java.util.Optional<MappingVersion> v = MappingVersions.latest(c, kind);
        if (v.isPresent()) {
            return v;
        }
        seed(c, catalog);
        return MappingVersions.latest(c, kind);
    }

    /** Inserts version 1 of every kind that has none. */
    public static void seed(Connection c, MappingCatalog catalog) throws SQLException {
        for (MappingCatalog.KindContract k : catalog.kinds()) {
            Map<String, java.util.List<String>> aliases = new TreeMap<>(k.configured());
            if (MappingVersions.append(c, new MappingVersion(k.kind(), 1, aliases, "WARN", "configuration", Instant.now(),
                    "seeded from the configuration (polaris.mapping.aliases." + k.slug().replace('_', '-') + ".*)", null))) {
                LOG.infof("alias mapping %s seeded from the configuration", MappingVersion.name(k.slug(), 1));
            }
        }
    }
}
