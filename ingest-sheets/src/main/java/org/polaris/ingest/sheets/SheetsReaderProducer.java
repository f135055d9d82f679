package org.polaris.ingest.sheets;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the configured {@link SheetsReader} injectable; the reader itself stays a plain class. */
public class SheetsReaderProducer {

    @Produces
    @Singleton
    SheetsReader sheetsReader(SheetsConfig config) {
        return SheetsReader.fromConfig(config);
    }
}
