package org.polaris.launcher.it.kind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.RowRef;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Upsert;

/** The test kind's store: one table, whole records upserted, partial ones patched, deletes counted. */
@Singleton
public class WidgetStore implements KindStore<NormalizedWidget> {

    static final Upsert<NormalizedWidget> WIDGET = Upsert.<NormalizedWidget>into("test_widget", "w")
            .key("widget_id", "text", NormalizedWidget::getWidgetId)
            .value("name", "text", NormalizedWidget::getName)
            .value("color", "text", NormalizedWidget::getColor)
            .carried("last_run_id", "uuid", NormalizedWidget::getRunId)
            .onUpdate("updated_at = now()")
            .build();

    @Override
    public String kind() {
        return WidgetKind.ID;
    }

    @Override
    public Class<NormalizedWidget> recordType() {
        return NormalizedWidget.class;
    }

    @Override
    public RowRef row(NormalizedWidget w) {
        return new RowRef(w.getRunId(), w.getRowNumber(), w.getValidateOnly());
    }

    @Override
    public Change<NormalizedWidget> change(NormalizedWidget w) {
        return switch (w.getOp()) {
            case "DELETE" -> Change.delete(w);
            case "PATCH" -> Change.patch(w, new HashSet<>(w.getFields()));
            default -> Change.upsert(w);
        };
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<NormalizedWidget>> changes, Effects effects)
            throws SQLException {
        List<Outcome> outcomes = Changes.apply(c, WIDGET, changes, this::row, NormalizedWidget::getWarnings);
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).type() == Change.Type.DELETE && outcomes.get(i).kind() == OutcomeKind.UPDATED) {
                effects.count(outcomes.get(i).runId(), WidgetKind.DELETED, 1);
            }
        }
        return outcomes;
    }
}
