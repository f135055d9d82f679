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
import org.polaris.schemas.avro.NormalizedSfStudent;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfStudentsKind;

/** D3 students: FirstName and LastName required; Email checked; the demographics through their tables; the school. */
@Singleton
public class SfStudentRows implements KindRules<NormalizedSfStudent> {

    static final SfStudentsKind KIND = new SfStudentsKind();
    static final Field FIRST_NAME = Field.required("first-name", "FirstName");
    static final Field LAST_NAME = Field.required("last-name", "LastName");
    static final Field MIDDLE_NAME = Field.optional("middle-name", "MiddleName");
    static final Field EMAIL = Field.optional("email", "Email");
    static final Field GENDER = Field.optional("gender", "Gender__c");
    static final Field RACE = Field.optional("race-ethnicity", "Racial_Ethnic_Background__c");
    static final Field AGE_GROUP = Field.optional("age-group", "Age_Group__c");
    static final Field SCHOOL = Field.optional("school", "npsp__Primary_Affiliation__c");

    private final Picklists picklists;

    @Inject
    public SfStudentRows(Picklists picklists) {
        this.picklists = picklists;
    }

    @Override
    public SourceKind<NormalizedSfStudent> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(FIRST_NAME, LAST_NAME, MIDDLE_NAME, EMAIL, GENDER, RACE, AGE_GROUP, SCHOOL));
        return all;
    }

    @Override
    public RowResult<NormalizedSfStudent> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String id = r.id(reasons);
        String first = r.required(FIRST_NAME, reasons);
        String last = r.required(LAST_NAME, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfStudent.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted()).setSystemModstamp(r.modstamp())
                .setFirstName(first).setLastName(last).setMiddleName(r.text(MIDDLE_NAME))
                .setEmail(r.email(EMAIL, warnings))
                .setGender(picklists.resolve("gender", GENDER.label(), r.text(GENDER), warnings).orElse(null))
                .setRaceEthnicity(picklists.resolve("race-ethnicity", RACE.label(), r.text(RACE), warnings).orElse(null))
                .setAgeGroup(picklists.resolve("age-group", AGE_GROUP.label(), r.text(AGE_GROUP), warnings).orElse(null))
                .setSchoolSalesforceId(r.reference(SCHOOL, warnings)).setWarnings(warnings).build());
    }
}
