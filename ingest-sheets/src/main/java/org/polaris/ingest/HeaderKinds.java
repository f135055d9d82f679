package org.polaris.ingest;

import java.util.List;

/**
 * Whether a header carries what a kind requires, read through the kind's current alias mapping (the
 * normalizer's). A registered sheet of purpose virtual_sessions may hold a Pathful export (Playbook A
 * reads its rows from such a sheet): its header says which. The application that assembles the
 * services provides this port.
 */
public interface HeaderKinds {

    /** True when every required field of the kind has a column in the header. */
    boolean carries(String kindId, List<String> header);

    /** The labels of the kind's required fields, for a refusal that names them. */
    List<String> required(String kindId);
}
