package org.polaris.writer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresTest {

    private static SQLException sql(String state) {
        return new SQLException("ERROR: state " + state, state);
    }

    // --- isTransient --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "08003", "40001", "40P01", "53300", "57P01", "57P03"})
    void connectionSerializationDeadlockResourceAndShutdownStatesAreTransient(String state) {
        assertThat(Failures.isTransient(sql(state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22P02", "23502", "42P01", "42703", "22001"})
    void dataAndSchemaErrorsAreNotTransient(String state) {
        assertThat(Failures.isTransient(sql(state))).isFalse();
    }

    @Test
    void sqlTransientExceptionIsTransientWhateverItsState() {
        assertThat(Failures.isTransient(new SQLTransientException("timeout"))).isTrue();
        assertThat(Failures.isTransient(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(Failures.isTransient(new SQLTimeoutException("slow"))).isTrue();
        assertThat(Failures.isTransient(new SQLTransactionRollbackException("rolled back"))).isTrue();
    }

    @Test
    void transientStateIsFoundDeepInTheCauseChain() {
        Throwable e = new RuntimeException("batch failed",
                new IllegalStateException("wrapped", sql("40P01")));

        assertThat(Failures.isTransient(e)).isTrue();
    }

    @Test
    void transientSqlExceptionIsFoundInTheCauseChain() {
        Throwable e = new RuntimeException("outer", new SQLTransientException("inner"));

        assertThat(Failures.isTransient(e)).isTrue();
    }

    @Test
    void connectExceptionInTheChainIsTransient() {
        Throwable e = new UncheckedIOException(new ConnectException("Connection refused"));

        assertThat(Failures.isTransient(e)).isTrue();
    }

    @Test
    void sqlExceptionWithoutStateIsNotTransient() {
        assertThat(Failures.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void plainExceptionIsNotTransient() {
        assertThat(Failures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void uniqueViolationWrappedInRuntimeExceptionIsNotTransient() {
        assertThat(Failures.isTransient(new RuntimeException(sql("23505")))).isFalse();
    }

    @Test
    void nullIsNotTransient() {
        assertThat(Failures.isTransient(null)).isFalse();
    }

    // --- isConflict ---------------------------------------------------------------------------

    @Test
    void uniqueViolationIsAConflict() {
        assertThat(Failures.isConflict(sql("23505"))).isTrue();
    }

    @Test
    void uniqueViolationAnywhereInTheCauseChainIsAConflict() {
        Throwable e = new RuntimeException("outer", new IllegalStateException("middle", sql("23505")));

        assertThat(Failures.isConflict(e)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23502", "23503", "22P02", "40001", "08006"})
    void otherStatesAreNotConflicts(String state) {
        assertThat(Failures.isConflict(new RuntimeException(sql(state)))).isFalse();
    }

    @Test
    void exceptionsWithoutSqlStateAreNotConflicts() {
        assertThat(Failures.isConflict(new SQLException("no state"))).isFalse();
        assertThat(Failures.isConflict(new RuntimeException("23505"))).isFalse();
        assertThat(Failures.isConflict(null)).isFalse();
    }

    // --- describe: never the data ---------------------------------------------------------

    @Test
    void describeGivesTheSqlStateNotTheMessageThatQuotesKeyValues() {
        SQLException root = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"event_teacher_pkey\"\n"
                        + "  Detail: Key (event_id, teacher_email)=(1, ana@kckps.org) already exists.", "23505");
        Throwable e = new RuntimeException("could not execute batch", new IllegalStateException("middle", root));

        assertThat(Failures.describe(e)).isEqualTo("SQLSTATE 23505").doesNotContain("ana@kckps.org");
    }

    @Test
    void describeNamesTheConstraintAPostgresErrorCarries() {
        var server = new org.postgresql.util.ServerErrorMessage("SERROR\0C23514\0Mnew row for relation "
                + "\"teacher_progress\" violates check constraint \"teacher_progress_target_sessions_check\"\0"
                + "DFailing row contains (ana@kckps.org, -1).\0tteacher_progress\0nteacher_progress_target_sessions_check\0\0");
        Throwable e = new RuntimeException(new org.postgresql.util.PSQLException(server));

        assertThat(Failures.describe(e)).isEqualTo("SQLSTATE 23514 (constraint teacher_progress_target_sessions_check)");
    }

    @Test
    void describeOfAFailureThatIsNotTheDatabasesIsItsClassOnly() {
        assertThat(Failures.describe(new IllegalStateException("ana@kckps.org is odd"))).isEqualTo("IllegalStateException");
        assertThat(Failures.describe(new RuntimeException("outer", new NullPointerException())))
                .isEqualTo("NullPointerException");
    }
}
