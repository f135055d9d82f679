package org.polaris.salesforce.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;

/**
 * The runner's steps in facts §6 order (parents before children), and which of them a set of flags
 * selects. A step runs when its Salesforce kind is registered in this build; the others are named in
 * the plan as not available, never silently left out.
 */
public final class Steps {

    /** facts §6, in order. */
    public static final List<String> ORDER = List.of("organizations", "volunteers", "affiliations", "events", "history",
            "schools", "classes", "teachers", "student_participations", "students", "unaffiliated_events");
    /** {@code --daily}: the first five. */
    public static final List<String> DAILY = ORDER.subList(0, 5);
    /** {@code --weekly}: the daily ones, schools, classes and teachers. */
    public static final List<String> WEEKLY = ORDER.subList(0, 8);
    /** Students only under {@code --full} or {@code --students} (facts §9.8). */
    public static final Set<String> STUDENT_STEPS = Set.of("student_participations", "students");
    /** Steps read in chunks of STUDENTS_CHUNK_SIZE, each reported as it is read (Playbook D3: "Chunks processed"). */
    public static final Set<String> CHUNKED = Set.of("students");

    /**
     * The runs of a step, in order: a step is one object sync, except {@code events}, whose
     * participations (volunteers' and teachers') are read right after the events, as their own run.
     */
    private static final java.util.Map<String, List<String>> RUNS = java.util.Map.of(
            "events", List.of("events", "event_participations"));

    /**
     * The objects read into one run of a step (their {@code polaris.salesforce.objects.*} keys), when a
     * step reads more than one: history is Task and EmailMessage, one run as the playbook processes both.
     * Each row of such a run says which object it came from in an {@value #SOBJECT} column.
     */
    private static final java.util.Map<String, List<String>> QUERIES = java.util.Map.of(
            "history", List.of("history", "history_emails"));
    /**
     * Steps that read nothing from Salesforce and publish no run: they derive from what the earlier steps
     * imported (facts §6's last step, "sync unaffiliated events": events without a district get one).
     */
    public static final Set<String> LOCAL = Set.of("unaffiliated_events");
    /** The column naming a row's SObject in a run that reads several. */
    public static final String SOBJECT = "SObject";

    private Steps() {
    }

    /** The runs of a step (their kinds' step names), in order. */
    public static List<String> runs(String step) {
        return RUNS.getOrDefault(step, List.of(step));
    }

    /** The configuration keys of the objects a run of this step reads, in order (the step itself, unless it reads several). */
    public static List<String> queries(String step) {
        return QUERIES.getOrDefault(step, List.of(step));
    }

    /** The configured object queries a run of this step reads, in order (those the configuration has). */
    public static List<org.polaris.salesforce.SalesforceConfig.ObjectQuery> objectQueries(
            org.polaris.salesforce.SalesforceConfig config, String step) {
        return queries(step).stream().filter(config.objects()::containsKey).map(config.objects()::get).toList();
    }

    /** Whether a run of this step reads several objects (its rows carry the {@value #SOBJECT} column). */
    public static boolean readsSeveral(String step) {
        return QUERIES.containsKey(step);
    }

    /** The flags of one sync request. */
    public record Selection(boolean daily, boolean weekly, boolean full, boolean students, List<String> only,
            List<String> exclude) {
    }

    /** The steps a selection asks for, in order; an unknown step name is refused naming the known ones. */
    public static List<String> select(Selection s) {
        List<String> unknown = new ArrayList<>();
        for (String name : concat(s.only(), s.exclude())) {
            if (!ORDER.contains(canonical(name))) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no step " + String.join(", ", unknown) + " (steps: "
                    + String.join(", ", ORDER) + ")");
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (s.only() != null && !s.only().isEmpty()) {
            s.only().forEach(n -> chosen.add(canonical(n)));
        } else if (s.full()) {
            chosen.addAll(ORDER);
        } else if (s.weekly()) {
            chosen.addAll(WEEKLY);
        } else if (s.students() && !s.daily()) {
            chosen.addAll(STUDENT_STEPS); // --students alone: only the student steps
        } else {
            chosen.addAll(DAILY); // --daily, and the default
        }
        if (s.students()) {
            chosen.addAll(STUDENT_STEPS);
        }
        if (s.exclude() != null) {
            s.exclude().forEach(n -> chosen.remove(canonical(n)));
        }
        return ORDER.stream().filter(chosen::contains).toList();
    }

    /** The registered Salesforce kind of a step, if this build has it. */
    public static Optional<SalesforceKind<?>> kind(String step) {
        for (SourceKind<?> k : SourceKinds.all()) {
            if (k instanceof SalesforceKind<?> sk && sk.step().equals(step)) {
                return Optional.of(sk);
            }
        }
        return Optional.empty();
    }

    private static String canonical(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }
}
