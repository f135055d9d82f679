package org.polaris.normalizer.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.polaris.schemas.avro.AttendanceStatus;

/** The attendance vocabulary of facts §10, case-insensitive; anything else makes the row invalid. */
public final class AttendanceStatuses {

    private static final Map<String, AttendanceStatus> VOCABULARY = Map.ofEntries(
            Map.entry("registered", AttendanceStatus.REGISTERED),
            Map.entry("upcoming", AttendanceStatus.REGISTERED),
            Map.entry("signed up", AttendanceStatus.REGISTERED),
            Map.entry("attended", AttendanceStatus.ATTENDED),
            Map.entry("completed", AttendanceStatus.ATTENDED),
            Map.entry("absent", AttendanceStatus.NO_SHOW),
            Map.entry("no-show", AttendanceStatus.NO_SHOW),
            Map.entry("no show", AttendanceStatus.NO_SHOW),
            Map.entry("canceled", AttendanceStatus.CANCELLED),
            Map.entry("cancelled", AttendanceStatus.CANCELLED));

    public static final String ACCEPTED = "registered, upcoming, signed up, attended, completed, absent, no-show, "
            + "no show, canceled, cancelled";

    private AttendanceStatuses() {
    }

    public static Optional<AttendanceStatus> resolve(String raw) {
        String cleaned = Text.clean(raw);
        return cleaned == null ? Optional.empty()
                : Optional.ofNullable(VOCABULARY.get(cleaned.toLowerCase(Locale.ROOT)));
    }
}
