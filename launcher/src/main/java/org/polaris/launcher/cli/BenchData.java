package org.polaris.launcher.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Generated benchmark inputs: E events, T roster teachers, and a Pathful export of N rows in
 * which every row is a distinct (event, teacher) pair, so every row is created on a first import.
 */
final class BenchData {

    static final String YEAR = "2024-2025";
    private static final String[] STATUSES = {"Attended", "Registered", "no-show", "cancelled"};

    final int rows;
    final int events;
    final int teachers;

    BenchData(int rows, int events, int teachers) {
        if ((long) events * teachers < rows) {
            throw new IllegalArgumentException("events x teachers must be at least the row count");
        }
        this.rows = rows;
        this.events = events;
        this.teachers = teachers;
    }

    static String email(int teacher) {
        return "teacher" + teacher + "@district" + (teacher % 7) + ".k12.example.org";
    }

    static String eventId(int event) {
        return "PS-" + (100_000 + event);
    }

    void writeEvents(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Session ID,Session Title,Date,Time\n");
            LocalDate first = LocalDate.of(2024, 9, 2);
            for (int e = 0; e < events; e++) {
                w.write(eventId(e) + ",\"Career session " + e + ", virtual\"," + first.plusDays(e % 240) + ","
                        + (8 + e % 8) + ":30\n");
            }
        }
    }

    void writeRoster(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Teacher Email,Teacher Name,School,Grade,Academic Year,Virtual Year,Target Sessions\n");
            for (int t = 0; t < teachers; t++) {
                w.write(email(t) + ",Teacher " + t + ",School " + (t % 60) + "," + (t % 12 + 1) + "," + YEAR + ","
                        + YEAR + "," + (1 + t % 4) + "\n");
            }
        }
    }

    /** Row i is event i mod E with teacher (i div E + i mod E) mod T: distinct pairs while i < E*T. */
    void writePathful(Path file) throws IOException {
        writePathful(file, 0);
    }

    /**
     * The same rows with every status moved one step along (a later export in which every
     * participation changed): imported after {@link #writePathful(Path)}, every row is an update.
     */
    void writePathful(Path file, int statusShift) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus,ParticipantType\n");
            LocalDate first = LocalDate.of(2024, 9, 2);
            for (int i = 0; i < rows; i++) {
                int e = i % events;
                int t = (i / events + e) % teachers;
                w.write("S-" + i + "," + eventId(e) + "," + email(t) + "," + first.plusDays(e % 240) + "T"
                        + String.format("%02d", 8 + e % 8) + ":30:00-05:00," + STATUSES[(i + statusShift) % STATUSES.length]
                        + ",\n");
            }
        }
    }
}
