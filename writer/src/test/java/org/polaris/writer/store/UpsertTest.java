package org.polaris.writer.store;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpsertTest {

    private record Widget(String id, String name, String color, String runId) {
    }

    private static final Upsert<Widget> WIDGET = Upsert.<Widget>into("widget", "w")
            .key("widget_id", "text", Widget::id)
            .value("name", "text", Widget::name)
            .value("color", "text", Widget::color)
            .carried("last_run_id", "uuid", Widget::runId)
            .insertOnly("first_run_id", "u.last_run_id")
            .onUpdate("updated_at = now()")
            .build();

    @Test
    void theUpsertInsertsEveryColumnUpdatesTheWrittenOnesAndComparesTheValues() {
        assertThat(WIDGET.upsertSql()).isEqualTo("""
                insert into widget as w (widget_id, name, color, last_run_id, first_run_id)
                select u.widget_id, u.name, u.color, u.last_run_id, u.last_run_id
                from unnest(?::text[], ?::text[], ?::text[], ?::uuid[]) as u(widget_id, name, color, last_run_id)
                on conflict (widget_id) do update set
                    name = excluded.name,
                    color = excluded.color,
                    last_run_id = excluded.last_run_id,
                    updated_at = now()
                where (w.name, w.color)
                    is distinct from (excluded.name, excluded.color)
                returning w.widget_id, (w.xmax = 0) as inserted""");
    }

    @Test
    void aPatchUpdatesOnlyTheFieldsItCarriesOfRowsThatExist() {
        assertThat(WIDGET.patchSql(List.of("color"))).isEqualTo("""
                update widget as w set color = u.color, updated_at = now()
                from unnest(?::text[], ?::text[]) as u(widget_id, color)
                where w.widget_id = u.widget_id and (w.color) is distinct from (u.color)
                returning w.widget_id""");
        assertThat(WIDGET.patchSql(List.of("first_run_id"))).as("a column only an insert writes").isNull();
        assertThatThrownBy(() -> WIDGET.patchSql(List.of("colour"))).hasMessage("widget has no column colour");
    }

    @Test
    void aNewerOnlyRowIsUpdatedOnlyByARecordThatIsNotOlder() {
        Upsert<Map<String, Object>> versioned = Upsert.<Map<String, Object>>into("thing", "t")
                .key("id", "text", m -> m.get("id"))
                .value("name", "text", m -> m.get("name"))
                .carried("system_modstamp", "timestamptz", m -> m.get("modstamp"))
                .newerOnly("system_modstamp")
                .build();
        assertThat(versioned.upsertSql()).endsWith("""
                where (t.name)
                    is distinct from (excluded.name)
                  and (t.system_modstamp is null or excluded.system_modstamp is null or excluded.system_modstamp >= t.system_modstamp)
                returning t.id, (t.xmax = 0) as inserted""");
    }

    @Test
    void aDeleteIsByKey() {
        assertThat(WIDGET.deleteSql()).isEqualTo("delete from widget as w using unnest(?::text[]) as u(widget_id) "
                + "where w.widget_id = u.widget_id returning w.widget_id");
    }

    @Test
    void aCompositeKeyIsTheKeyColumnsJoinedByABar() {
        Upsert<Map<String, Object>> pairs = Upsert.<Map<String, Object>>into("event_teacher", "et")
                .key("event_id", "bigint", m -> m.get("event"))
                .key("teacher_email", "text", m -> m.get("email"))
                .value("status", "text", m -> m.get("status"))
                .build();
        assertThat(pairs.keyOf(Map.of("event", 42L, "email", "a@b.org", "status", "attended"))).isEqualTo("42|a@b.org");
        assertThat(pairs.upsertSql()).contains("on conflict (event_id, teacher_email)")
                .contains("returning et.event_id, et.teacher_email, (et.xmax = 0) as inserted");
    }

    @Test
    void aDeclarationWithoutAKeyOrWithAColumnTwiceIsRefused() {
        assertThatThrownBy(() -> Upsert.<Widget>into("widget", "w").value("name", "text", Widget::name).build())
                .hasMessage("widget: an upsert needs a key column");
        assertThatThrownBy(() -> Upsert.<Widget>into("widget", "w").key("widget_id", "text", Widget::id)
                .value("widget_id", "text", Widget::id)).hasMessage("widget.widget_id is declared twice");
    }
}
