package org.polaris.launcher.wiring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.polaris.normalizer.mapping.KindMapping;
import org.polaris.normalizer.mapping.MappingConfig;
import org.polaris.normalizer.mapping.MappingSource;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.writer.mapping.MappingCatalog;
import org.polaris.writer.mapping.MappingSeed;
import org.polaris.writer.mapping.MappingVersion;
import org.polaris.writer.mapping.MappingVersions;

/**
 * The normalizer's alias mappings in the one-process application: the versions administrators set,
 * read from the writer's table when a run starts (one small query per run, so a change applies to the
 * next run on every replica). If the database cannot be read, a run starts under the last version this
 * instance read for its kind (or the configuration's, before any), and the log says so.
 */
@ApplicationScoped
public class LedgerMappings implements MappingSource {

    private static final Logger LOG = Logger.getLogger(LedgerMappings.class);

    @Inject
    AgroalDataSource db;

    @Inject
    MappingCatalog catalog;

    @Inject
    MappingConfig config;

    /** The last version read per kind, decoded, by name: a run's rows reuse the one its start read. */
    private final Map<String, KindMapping> known = new ConcurrentHashMap<>();
    private final Map<String, KindMapping> lastCurrent = new ConcurrentHashMap<>();

    @Override
    public KindMapping current(String kind) {
        try (Connection c = db.getConnection()) {
            Optional<MappingVersion> v = MappingSeed.latest(c, catalog, kind);
            if (v.isPresent()) {
                KindMapping m = decoded(v.get());
                lastCurrent.put(kind, m);
                return m;
            }
        } catch (SQLException e) {
            LOG.warnf("could not read the %s alias mapping (SQLSTATE %s): the run starts under the last version read",
                    kind, e.getSQLState());
        }
        return lastCurrent.getOrDefault(kind, config.toMapping().current(kind));
    }

    @Override
    public KindMapping asOf(String kind, long epochMillis) {
        try (Connection c = db.getConnection()) {
            Optional<MappingVersion> v = MappingVersions.asOf(c, kind, Instant.ofEpochMilli(epochMillis));
            if (v.isPresent()) {
                return decoded(v.get());
            }
        } catch (SQLException e) {
            LOG.warnf("could not read the %s alias mapping (SQLSTATE %s)", kind, e.getSQLState());
        }
        return current(kind);
    }

    private KindMapping decoded(MappingVersion v) {
        String slug = SourceKinds.byId(v.kind()).map(k -> k.slug()).orElse(v.kind().toLowerCase(java.util.Locale.ROOT));
        String name = MappingVersion.name(slug, v.version());
        return known.computeIfAbsent(v.kind() + "/" + name, n -> new KindMapping(v.kind(), name, v.aliases(),
                KindMapping.ExtraColumns.parse(v.extraColumns()).orElse(KindMapping.ExtraColumns.WARN)));
    }
}
