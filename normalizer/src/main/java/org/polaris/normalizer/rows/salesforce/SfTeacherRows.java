package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.Picklists;
import org.polaris.schemas.avro.NormalizedSfTeacher;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfTeachersKind;

/**
 * D2 teachers (facts §5): FirstName and LastName required; Email trimmed and lower-cased (one that is
 * not an address is left empty, with a warning); Gender__c through the gender table;
 * npsp__Primary_Affiliation__c is the school.
 */
@Singleton
public class SfTeacherRows implements KindRules<NormalizedSfTeacher> {

    static final SfTeachersKind KIND = new SfTeachersKind();
    static final Field FIRST_NAME = Field.required("first-name", "FirstName");
    static final Field LAST_NAME = Field.required("last-name", "LastName");
    static final Field EMAIL = Field.optional("email", "Email");
    static final Field PHONE = Field.optional("phone", "Phone");
    static final Field DEPARTMENT = Field.optional("department", "Department");
    static final Field GENDER = Field.optional("gender", "Gender__c");
    static final Field SCHOOL = Field.optional("school", "npsp__Primary_Affiliation__c");

    private final Picklists picklists;

    @Inject
    public SfTeacherRows(Picklists picklists) {
        this.picklists = picklists;
    }

    @Override
    public SourceKind<NormalizedSfTeacher> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, DEPARTMENT, GENDER, SCHOOL));
        return all;
    }

    @Override
    public RowResult<NormalizedSfTeacher> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String first = r.required(FIRST_NAME, reasons);
        String last = r.required(LAST_NAME, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfTeacher.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted()).setSystemModstamp(r.modstamp())
                .setFirstName(first).setLastName(last).setEmail(r.email(EMAIL, warnings)).setPhone(r.text(PHONE))
                .setDepartment(r.text(DEPARTMENT))
                .setGender(picklists.resolve("gender", GENDER.label(), r.text(GENDER), warnings).orElse(null))
                .setSchoolSalesforceId(r.reference(SCHOOL, warnings)).setWarnings(warnings).build());
    }
}
