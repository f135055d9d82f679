package org.polaris.normalizer.mapping;

import java.util.List;

/**
 * The columns the built-in source kinds must or may carry (each kind's rules return theirs); which
 * header names match them is configuration. A new kind keeps its fields with its own rules.
 */
public final class Contracts {

    /** Contract D: the Pathful export (Playbook A). */
    public static final class Pathful {
        public static final Field SESSION_ID = Field.required("session-id", "SessionId");
        public static final Field EVENT_ID = Field.required("event-id", "EventId");
        public static final Field TEACHER_EMAIL = Field.required("teacher-email", "TeacherEmail");
        public static final Field SESSION_START = Field.required("session-start", "SessionStart");
        public static final Field ATTENDANCE_STATUS = Field.required("attendance-status", "AttendanceStatus");
        public static final Field PARTICIPANT_TYPE = Field.optional("participant-type", "ParticipantType");
        public static final List<Field> ALL = List.of(SESSION_ID, EVENT_ID, TEACHER_EMAIL, SESSION_START, ATTENDANCE_STATUS,
                PARTICIPANT_TYPE);

        private Pathful() {
        }
    }

    /**
     * A REMATCH run's rows: the Pathful columns of a row kept unmatched, and the run and row it
     * completes.
     */
    public static final class Rematch {
        public static final Field ORIGIN_RUN = Field.required("origin-run", "OriginRun");
        public static final Field ORIGIN_ROW = Field.required("origin-row", "OriginRow");
        public static final List<Field> ALL = java.util.stream.Stream.concat(Pathful.ALL.stream(),
                java.util.stream.Stream.of(ORIGIN_RUN, ORIGIN_ROW)).toList();

        private Rematch() {
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
        public static final List<Field> ALL = List.of(TEACHER_EMAIL, TEACHER_NAME, BUILDING, GRADE, ACADEMIC_YEAR,
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
        public static final List<Field> ALL = List.of(SESSION_ID, TITLE, DATE, TIME);

        private Events() {
        }
    }

    /** The virtual-session sheet (Playbook C, legacy). */
    public static final class VirtualSessions {
        public static final Field SESSION_TITLE = Field.required("session-title", "Session Title");
        public static final Field DATE = Field.required("date", "Date");
        public static final Field TIME = Field.optional("time", "Time");
        public static final Field TEACHER_NAME = Field.optional("teacher-name", "Teacher Name");
        public static final Field SCHOOL_NAME = Field.optional("school-name", "School Name");
        public static final Field DISTRICT = Field.optional("district", "District");
        public static final Field STATUS = Field.optional("status", "Status");
        public static final Field PRESENTER = Field.optional("presenter", "Presenter");
        public static final Field SESSION_ID = Field.optional("session-id", "Session ID");
        public static final List<Field> ALL = List.of(SESSION_TITLE, DATE, TIME, TEACHER_NAME, SCHOOL_NAME, DISTRICT, STATUS,
                PRESENTER, SESSION_ID);

        private VirtualSessions() {
        }
    }

    /** VMS teachers (the Salesforce teacher import's fields; from a CSV until that import exists). */
    public static final class Teachers {
        public static final Field TEACHER_ID = Field.optional("teacher-id", "Teacher ID");
        public static final Field FIRST_NAME = Field.required("first-name", "First Name");
        public static final Field LAST_NAME = Field.required("last-name", "Last Name");
        public static final Field MIDDLE_NAME = Field.optional("middle-name", "Middle Name");
        public static final Field EMAIL = Field.optional("email", "Email");
        public static final Field SCHOOL = Field.optional("school", "School");
        public static final List<Field> ALL = List.of(TEACHER_ID, FIRST_NAME, LAST_NAME, MIDDLE_NAME, EMAIL, SCHOOL);

        private Teachers() {
        }
    }

    private Contracts() {
    }
}
