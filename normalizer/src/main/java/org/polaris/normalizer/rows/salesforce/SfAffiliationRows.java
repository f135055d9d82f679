package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.schemas.avro.NormalizedSfAffiliation;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfAffiliationsKind;

/** Affiliations: npe5__Contact__c and npe5__Organization__c required (the parents); status and primary as given. */
@Singleton
public class SfAffiliationRows implements KindRules<NormalizedSfAffiliation> {

    static final SfAffiliationsKind KIND = new SfAffiliationsKind();
    static final Field CONTACT = Field.required("contact", "npe5__Contact__c");
    static final Field ORGANIZATION = Field.required("organization", "npe5__Organization__c");
    static final Field STATUS = Field.optional("status", "npe5__Status__c");
    static final Field PRIMARY = Field.optional("primary", "npe5__Primary__c");

    @Override
    public SourceKind<NormalizedSfAffiliation> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(CONTACT, ORGANIZATION, STATUS, PRIMARY));
        return all;
    }

    @Override
    public RowResult<NormalizedSfAffiliation> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        String id = r.id(reasons);
        String contact = r.required(CONTACT, reasons);
        String organization = r.required(ORGANIZATION, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfAffiliation.newBuilder().setRunId(row.getRunId())
                .setRowNumber(row.getRowNumber()).setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted())
                .setSystemModstamp(r.modstamp()).setContactSalesforceId(contact).setOrganizationSalesforceId(organization)
                .setStatus(r.text(STATUS)).setPrimary(r.flag(PRIMARY)).setWarnings(List.of()).build());
    }
}
