package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.schemas.avro.NormalizedSfSchool;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfSchoolsKind;

/**
 * D7 schools and districts: an Account of Type {@code School District} is a district, any other the
 * selection brings (Type {@code School}) a school, its district the ParentId. A school whose
 * district is not in Polaris yet is still imported: the link is the district's Salesforce id.
 */
@Singleton
public class SfSchoolRows implements KindRules<NormalizedSfSchool> {

    static final SfSchoolsKind KIND = new SfSchoolsKind();
    static final Field NAME = Field.required("name", "Name");
    static final Field TYPE = Field.optional("type", "Type");
    static final Field PARENT = Field.optional("parent-id", "ParentId");
    static final Field STREET = Field.optional("billing-street", "BillingStreet");
    static final Field CITY = Field.optional("billing-city", "BillingCity");
    static final Field STATE = Field.optional("billing-state", "BillingState");
    static final Field POSTAL_CODE = Field.optional("billing-postal-code", "BillingPostalCode");

    @Override
    public SourceKind<NormalizedSfSchool> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(NAME, TYPE, PARENT, STREET, CITY, STATE, POSTAL_CODE));
        return all;
    }

    @Override
    public RowResult<NormalizedSfSchool> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String name = r.required(NAME, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        boolean district = "school district".equalsIgnoreCase(r.text(TYPE));
        return RowResult.valid(NormalizedSfSchool.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted()).setSystemModstamp(r.modstamp())
                .setDistrict(district).setName(name).setNormalizedName(normalizedName(name))
                .setDistrictSalesforceId(district ? null : r.reference(PARENT, warnings))
                .setBillingStreet(r.text(STREET)).setBillingCity(r.text(CITY)).setBillingState(r.text(STATE))
                .setBillingPostalCode(r.text(POSTAL_CODE)).setWarnings(warnings).build());
    }

    /** Lower case, every run of characters other than letters and digits one space. */
    static String normalizedName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
