package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import org.polaris.writer.Effects;

/** A store whose records may wait for their parents: a parent's store lets it apply them when the parents arrive. */
interface ChildStore {

    /** These parents were written (in a run of {@code parentKind}): apply the children waiting for them. */
    void release(Connection c, String parentKind, String parentRunId, Collection<String> parentIds, Effects effects)
            throws SQLException;
}
