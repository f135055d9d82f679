package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.schemas.avro.NormalizedSfOrganization;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfOrganizationsKind;

/** D5 organizations: an Account with a Name; its Type and billing address as Salesforce has them. */
@Singleton
public class SfOrganizationRows implements KindRules<NormalizedSfOrganization> {

    static final SfOrganizationsKind KIND = new SfOrganizationsKind();
    static final Field NAME = Field.required("name", "Name");
    static final Field TYPE = Field.optional("type", "Type");
    static final Field STREET = Field.optional("billing-street", "BillingStreet");
    static final Field CITY = Field.optional("billing-city", "BillingCity");
    static final Field STATE = Field.optional("billing-state", "BillingState");
    static final Field POSTAL_CODE = Field.optional("billing-postal-code", "BillingPostalCode");
    static final Field PHONE = Field.optional("phone", "Phone");
    static final Field WEBSITE = Field.optional("website", "Website");

    @Override
    public SourceKind<NormalizedSfOrganization> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(NAME, TYPE, STREET, CITY, STATE, POSTAL_CODE, PHONE, WEBSITE));
        return all;
    }

    @Override
    public RowResult<NormalizedSfOrganization> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        String id = r.id(reasons);
        String name = r.required(NAME, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfOrganization.newBuilder().setRunId(row.getRunId())
                .setRowNumber(row.getRowNumber()).setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted())
                .setSystemModstamp(r.modstamp()).setName(name).setType(r.text(TYPE)).setBillingStreet(r.text(STREET))
                .setBillingCity(r.text(CITY)).setBillingState(r.text(STATE)).setBillingPostalCode(r.text(POSTAL_CODE))
                .setPhone(r.text(PHONE)).setWebsite(r.text(WEBSITE)).setWarnings(List.of()).build());
    }
}
