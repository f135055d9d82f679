package org.polaris.normalizer.mapping;

import java.util.List;

import org.polaris.schemas.avro.RunKind;

/** The columns each source kind must or may carry. Which header names match them is configuration. */
public final class Contracts {

    /** Contract D: the Pathful export (Playbook A). */
    public static final class Pathful {
        public static final Field SESSION_ID = Field.required("session-id", "SessionId");
        public static final Field EVENT_ID = Field.required("event-id", "EventId");
        public static final Field TEACHER_EMAIL = Field.required("teacher-email", "TeacherEmail");
        public static final Field SESSION_START = Field.required("session-start", "SessionStart");
        public static final Field ATTENDANCE_STATUS = Field.required("attendance-status", "AttendanceStatus");
        public static final Field PARTICIPANT_TYPE = Field.optional("participant-type", "ParticipantType");
        static final List<Field> ALL = List.of(SESSION_ID, EVENT_ID, TEACHER_EMAIL, SESSION_START, ATTENDANCE_STATUS,
                PARTICIPANT_TYPE);

        private Pathful() {
        }
    }

    /** The teacher roster (Playbook B). */
    public static final class Roster {
        public static final Field TEACHER_EMAIL = Field.required("teacher-email", "Teacher Email");
        public static final Field TEACHER_NAME = Field.required("teacher-name", "Teacher Name");
        public static final Field BUILDING = Field.required("building", "School or Building");
        public static final Field GRADE = Field.optional("grade", "Grade");
        public static final Field ACADEMIC_YEAR = Field.required("academic-year", "Academic Year");
        public static final Field VIRTUAL_YEAR = Field.required("virtual-year", "Virtual Year");
        public static final Field TARGET_SESSIONS = Field.optional("target-sessions", "Target Sessions");
        public static final Field DISTRICT = Field.optional("district", "District");
        static final List<Field> ALL = List.of(TEACHER_EMAIL, TEACHER_NAME, BUILDING, GRADE, ACADEMIC_YEAR,
                VIRTUAL_YEAR, TARGET_SESSIONS, DISTRICT);

        private Roster() {
        }
    }

    /** The events file: virtual sessions known by their Pathful session id. */
    public static final class Events {
        public static final Field SESSION_ID = Field.required("session-id", "Session ID");
        public static final Field TITLE = Field.required("title", "Session Title");
        public static final Field DATE = Field.required("date", "Date");
        public static final Field TIME = Field.optional("time", "Time");
        static final List<Field> ALL = List.of(SESSION_ID, TITLE, DATE, TIME);

        private Events() {
        }
    }

    private Contracts() {
    }

    /** Whether this build knows the kind's contract (UNKNOWN is what older readers see of newer kinds). */
    public static boolean known(RunKind kind) {
        return kind == RunKind.PATHFUL || kind == RunKind.ROSTER || kind == RunKind.EVENTS;
    }

    public static List<Field> of(RunKind kind) {
        return switch (kind) {
            case PATHFUL -> Pathful.ALL;
            case ROSTER -> Roster.ALL;
            case EVENTS -> Events.ALL;
            default -> throw new IllegalArgumentException("no contract for run kind " + kind);
        };
    }
}
