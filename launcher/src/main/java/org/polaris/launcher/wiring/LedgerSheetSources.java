package org.polaris.launcher.wiring;

import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.polaris.ingest.SheetSources;
import org.polaris.writer.api.SheetConfig;

/**
 * Ingest's view of the sheets the writer stores: in the one-process application, read straight
 * from the writer's table (read only; the writer remains the only process that writes it).
 */
@ApplicationScoped
public class LedgerSheetSources implements SheetSources {

    @Override
    public Optional<SheetSource> byId(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(SheetConfig.<SheetConfig>findById(id))
                .map(LedgerSheetSources::source));
    }

    @Override
    public Optional<SheetSource> byPurpose(String purpose, String academicYear, String district) {
        return QuarkusTransaction.requiringNew().call(() -> SheetConfig.<SheetConfig>find(
                        "purpose = ?1 and academicYear = ?2", purpose, academicYear).list().stream()
                .filter(s -> district == null || district.equals(s.district))
                .findFirst().map(LedgerSheetSources::source));
    }

    private static SheetSource source(SheetConfig s) {
        return new SheetSource(s.id, s.purpose, s.academicYear, s.district, s.displayName, s.sheetId, s.range,
                s.headerRows);
    }
}
