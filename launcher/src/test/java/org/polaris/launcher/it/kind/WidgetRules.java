package org.polaris.launcher.it.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rows.RowResult;
import org.polaris.normalizer.rules.Text;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.SourceKind;

/**
 * The test kind's rules: Widget ID required; Action "delete" deletes; otherwise a row with both Name
 * and Color is a whole widget, one with only some of them a partial record of those fields. The
 * Name "explode" makes the rules throw (a fault in a kind's code, as PoisonRecordsIT needs one).
 */
@Singleton
public class WidgetRules implements KindRules<NormalizedWidget> {

    static final Field WIDGET_ID = Field.required("widget-id", "Widget ID");
    static final Field NAME = Field.optional("name", "Name");
    static final Field COLOR = Field.optional("color", "Color");
    static final Field ACTION = Field.optional("action", "Action");

    private static final WidgetKind KIND = new WidgetKind();

    @Override
    public SourceKind<NormalizedWidget> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return List.of(WIDGET_ID, NAME, COLOR, ACTION);
    }

    @Override
    public RowResult<NormalizedWidget> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        List<String> reasons = new ArrayList<>();
        String id = Text.clean(columns.cell(row.getCells(), WIDGET_ID));
        if (id == null) {
            reasons.add("Widget ID is empty");
        }
        String action = Text.clean(columns.cell(row.getCells(), ACTION));
        if (action != null && !action.equalsIgnoreCase("delete")) {
            reasons.add("Action \"" + action + "\" is not delete");
        }
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        String name = Text.clean(columns.cell(row.getCells(), NAME));
        if ("explode".equals(name)) {
            // a fault in a kind's rules, for PoisonRecordsIT: the row is tried a bounded number of times
            throw new IllegalStateException("a fault in the widget rules");
        }
        String color = Text.clean(columns.cell(row.getCells(), COLOR));
        List<String> fields = new ArrayList<>();
        if (name != null) {
            fields.add("name");
        }
        if (color != null) {
            fields.add("color");
        }
        String op = action != null ? "DELETE" : fields.size() == 2 ? "UPSERT" : "PATCH";
        if (op.equals("PATCH") && fields.isEmpty()) {
            return RowResult.invalid(List.of("a widget row needs a Name, a Color or Action delete"));
        }
        return RowResult.valid(NormalizedWidget.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setValidateOnly(row.getMode() == RunMode.VALIDATE).setWidgetId(id.toUpperCase(Locale.ROOT))
                .setOp(op).setFields(op.equals("PATCH") ? fields : List.of()).setName(name).setColor(color)
                .setWarnings(List.of()).build());
    }
}
