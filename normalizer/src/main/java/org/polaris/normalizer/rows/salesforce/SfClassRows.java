package org.polaris.normalizer.rows.salesforce;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.schemas.avro.NormalizedSfClass;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.salesforce.SfClassesKind;

/** Classes: Name, School__c and Teacher__c required (the parents). */
@Singleton
public class SfClassRows implements KindRules<NormalizedSfClass> {

    static final SfClassesKind KIND = new SfClassesKind();
    static final Field NAME = Field.required("name", "Name");
    static final Field SCHOOL = Field.required("school", "School__c");
    static final Field TEACHER = Field.required("teacher", "Teacher__c");

    @Override
    public SourceKind<NormalizedSfClass> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        List<Field> all = new ArrayList<>(SfRecords.COMMON);
        all.addAll(List.of(NAME, SCHOOL, TEACHER));
        return all;
    }

    @Override
    public RowResult<NormalizedSfClass> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        SfRecords r = new SfRecords(row.getCells(), columns);
        List<String> reasons = new ArrayList<>();
        String id = r.id(reasons);
        String name = r.required(NAME, reasons);
        String school = r.required(SCHOOL, reasons);
        String teacher = r.required(TEACHER, reasons);
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedSfClass.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setMode(row.getMode()).setSalesforceId(id).setDeleted(r.deleted()).setSystemModstamp(r.modstamp())
                .setName(name).setSchoolSalesforceId(school).setTeacherSalesforceId(teacher).setWarnings(List.of())
                .build());
    }
}
