package org.polaris.matching.teachers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.polaris.matching.teachers.NameNormalizer.NormalizedName;

/**
 * Playbook B, "Post-Import: Teacher Matching", auto-match step: links the rows of an imported roster
 * to VMS Teacher records, by email first, then by name; what it cannot decide safely it leaves to a
 * person (review) or reports as unmatched. Plain Java, no I/O, deterministic: the same inputs give
 * the same decisions in the same order.
 *
 * <ol>
 *   <li><b>Email.</b> The roster email, trimmed and lower-cased, equal to one of exactly one teacher's
 *       emails: auto-link, score 1.0, reason "email". Shared by several teachers (a department
 *       mailbox, a recycled address): review with all of them, never a guess.</li>
 *   <li><b>Name.</b> Otherwise the name is scored against the teachers of its block (same surname
 *       initial, and same school when both sides know it; a teacher whose school is unknown is in every
 *       school's block) with {@link NameSimilarity}. The best candidate is auto-linked when it scores at
 *       least {@link #DEFAULT_AUTO_LINK_THRESHOLD} <em>and</em> beats the second best by at least the
 *       margin; otherwise the candidates scoring at least {@link #DEFAULT_REVIEW_THRESHOLD} go to review,
 *       best first; none: unmatched.</li>
 *   <li><b>One teacher, one row.</b> Once the whole roster is decided, a teacher auto-linked from two or
 *       more rows is never kept silently: one email link wins over name links (the name links are
 *       demoted to review); otherwise every one of those links is demoted to review.</li>
 * </ol>
 *
 * <p><b>Why these thresholds.</b> An auto-link is written without anyone looking at it, so it must be
 * nearly certain: a wrong link credits a session to the wrong teacher and is hard to notice, while a
 * missed link only costs a click in the review screen. 0.95 Jaro-Winkler on the full normalized name is
 * what one typo in an ordinary name usually scores (one swapped, dropped or doubled letter: 0.95-0.99; a
 * letter doubled or dropped near the start of a short name can score lower and then goes to review), while
 * two different people sharing a surname score lower ("maria lopez" / "mario lopez" 0.93, "james
 * brown" / "jane brown" 0.92) and names more than one edit apart are capped at 0.90 (see
 * {@link NameSimilarity}). The margin (default 0.03) guards against the cases where the best candidate
 * is good but not alone: two teachers who both fit (a duplicate VMS account, "Chris" for a Christopher
 * and a Christine, a whole and a partial hyphenated surname) are a person's call. 0.80 for review keeps
 * the review list short but still shows the near misses (an initial instead of a first name, two typos).
 */
public final class TeacherMatcher {

    /** Minimum name score for an auto-link. */
    public static final double DEFAULT_AUTO_LINK_THRESHOLD = 0.95;
    /** Minimum lead of the best name candidate over the second best for an auto-link. */
    public static final double DEFAULT_MARGIN = 0.03;
    /** Minimum name score to be shown as a review candidate. */
    public static final double DEFAULT_REVIEW_THRESHOLD = 0.80;

    /** Absorbs floating-point noise in threshold comparisons (0.98 - 0.95 is 0.0299999...). */
    private static final double EPSILON = 1e-9;

    private final double autoLinkThreshold;
    private final double margin;
    private final double reviewThreshold;

    /** The default thresholds: auto-link 0.95, margin 0.03, review 0.80. */
    public TeacherMatcher() {
        this(DEFAULT_MARGIN);
    }

    /** Default thresholds with another margin. */
    public TeacherMatcher(double margin) {
        this(DEFAULT_AUTO_LINK_THRESHOLD, margin, DEFAULT_REVIEW_THRESHOLD);
    }

    public TeacherMatcher(double autoLinkThreshold, double margin, double reviewThreshold) {
        if (!(0.0 <= reviewThreshold && reviewThreshold <= autoLinkThreshold && autoLinkThreshold <= 1.0)) {
            throw new IllegalArgumentException("need 0 <= review threshold <= auto-link threshold <= 1, got "
                    + reviewThreshold + " and " + autoLinkThreshold);
        }
        if (margin < 0.0 || margin > 1.0) {
            throw new IllegalArgumentException("margin must be in [0, 1], got " + margin);
        }
        this.autoLinkThreshold = autoLinkThreshold;
        this.margin = margin;
        this.reviewThreshold = reviewThreshold;
    }

    public double autoLinkThreshold() {
        return autoLinkThreshold;
    }

    public double margin() {
        return margin;
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    /** Trim + lower case; "" for null. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A VMS teacher prepared for matching. */
    private record Prepared(VmsTeacher teacher, NormalizedName name, String school) {
        String id() {
            return teacher.id();
        }
    }

    /**
     * Decides every row of one roster (one batch) against the VMS teachers.
     *
     * @return one decision per roster row, in the roster's order
     */
    public List<MatchDecision> match(List<RosterTeacher> roster, List<VmsTeacher> teachers) {
        Map<String, List<Prepared>> byEmail = new HashMap<>();
        Map<Character, List<Prepared>> byInitial = new HashMap<>();
        for (VmsTeacher t : teachers) {
            Prepared p = new Prepared(t, NameNormalizer.vms(t.firstName(), t.middleName(), t.lastName()),
                    SchoolNormalizer.normalize(t.school()));
            for (String email : t.emails().stream().map(TeacherMatcher::normalizeEmail)
                    .filter(e -> !e.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new))) {
                byEmail.computeIfAbsent(email, k -> new ArrayList<>()).add(p);
            }
            for (char initial : p.name().lastInitials()) {
                byInitial.computeIfAbsent(initial, k -> new ArrayList<>()).add(p);
            }
        }
        List<MatchDecision> decisions = new ArrayList<>(roster.size());
        for (RosterTeacher row : roster) {
            decisions.add(decide(row, byEmail, byInitial));
        }
        return demoteSharedLinks(decisions);
    }

    private MatchDecision decide(RosterTeacher row, Map<String, List<Prepared>> byEmail,
                                 Map<Character, List<Prepared>> byInitial) {
        NormalizedName name = NameNormalizer.roster(row.name());
        String email = normalizeEmail(row.email());
        List<Prepared> emailHits = email.isEmpty() ? List.of() : byEmail.getOrDefault(email, List.of());
        if (emailHits.size() == 1) {
            Candidate link = new Candidate(emailHits.get(0).id(), 1.0, LinkReason.EMAIL);
            return MatchDecision.autoLinked(row.id(), link, List.of(link), "email " + email);
        }
        if (emailHits.size() > 1) {
            // several teachers share the address: show them all, the likelier name first
            List<Candidate> shared = emailHits.stream()
                    .sorted(Comparator.comparingDouble((Prepared p) -> -NameSimilarity.score(name, p.name()))
                            .thenComparing(Prepared::id))
                    .map(p -> new Candidate(p.id(), 1.0, LinkReason.EMAIL))
                    .toList();
            return MatchDecision.review(row.id(), shared,
                    "email " + email + " is shared by " + shared.size() + " VMS teachers");
        }
        return decideByName(row, name, byInitial);
    }

    private MatchDecision decideByName(RosterTeacher row, NormalizedName name,
                                       Map<Character, List<Prepared>> byInitial) {
        if (name.isEmpty()) {
            return MatchDecision.unmatched(row.id(), "no email match and no name");
        }
        String school = SchoolNormalizer.normalize(row.school());
        Map<String, Candidate> scored = new LinkedHashMap<>();
        Map<String, Prepared> byId = new HashMap<>();
        for (char initial : name.lastInitials()) {
            for (Prepared t : byInitial.getOrDefault(initial, List.of())) {
                if (scored.containsKey(t.id()) || !sameSchoolOrUnknown(school, t.school())) {
                    continue;
                }
                scored.put(t.id(), new Candidate(t.id(), NameSimilarity.score(name, t.name()), LinkReason.NAME));
                byId.put(t.id(), t);
            }
        }
        List<Candidate> ranked = scored.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::teacherId))
                .toList();
        List<Candidate> plausible = ranked.stream().filter(c -> c.score() >= reviewThreshold - EPSILON).toList();
        if (plausible.isEmpty()) {
            return MatchDecision.unmatched(row.id(), "no email match; no name candidate scores "
                    + format(reviewThreshold) + " or more" + (ranked.isEmpty() ? "" : " (best " + format(ranked.get(0).score()) + ")"));
        }
        Candidate best = plausible.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0.0;
        String rosterFirst = name.primary().first();
        String teacherFirst = byId.get(best.teacherId()).name().primary().first();
        if (GenderedNames.differ(rosterFirst, teacherFirst)) {
            return MatchDecision.review(row.id(), plausible, "first names " + rosterFirst + " and " + teacherFirst
                    + " differ by a gendered ending: likely two people, a person decides");
        }
        if (best.score() >= autoLinkThreshold - EPSILON && best.score() - second >= margin - EPSILON) {
            return MatchDecision.autoLinked(row.id(), best, plausible, "name " + format(best.score())
                    + (ranked.size() > 1 ? ", next " + format(second) : ""));
        }
        String why = best.score() < autoLinkThreshold - EPSILON
                ? "best name score " + format(best.score()) + " is below " + format(autoLinkThreshold)
                : "best name score " + format(best.score()) + " is within " + format(margin) + " of the next ("
                + format(second) + ")";
        return MatchDecision.review(row.id(), plausible, why);
    }

    private static boolean sameSchoolOrUnknown(String rosterSchool, String teacherSchool) {
        return !SchoolNormalizer.isKnown(rosterSchool) || !SchoolNormalizer.isKnown(teacherSchool)
                || rosterSchool.equals(teacherSchool);
    }

    /**
     * One teacher, one row: a teacher auto-linked from several rows keeps its one email link (if
     * exactly one) and the other links become reviews; without a single email link all become reviews.
     */
    private static List<MatchDecision> demoteSharedLinks(List<MatchDecision> decisions) {
        Map<String, List<Integer>> rowsByTeacher = new LinkedHashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            MatchDecision d = decisions.get(i);
            if (d.isAutoLinked()) {
                rowsByTeacher.computeIfAbsent(d.teacherId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<MatchDecision> out = new ArrayList<>(decisions);
        for (Map.Entry<String, List<Integer>> e : rowsByTeacher.entrySet()) {
            List<Integer> rows = e.getValue();
            if (rows.size() < 2) {
                continue;
            }
            List<Integer> emailRows = rows.stream()
                    .filter(i -> decisions.get(i).reason() == LinkReason.EMAIL).toList();
            Integer keep = emailRows.size() == 1 ? emailRows.get(0) : null;
            String others = rows.stream().map(i -> decisions.get(i).rosterId()).collect(Collectors.joining(", "));
            for (int i : rows) {
                if (keep != null && i == keep) {
                    continue;
                }
                MatchDecision d = decisions.get(i);
                String why = keep != null
                        ? "teacher " + e.getKey() + " is already linked by email from roster row "
                        + decisions.get(keep).rosterId()
                        : "teacher " + e.getKey() + " was auto-linked from several roster rows (" + others + ")";
                out.set(i, MatchDecision.review(d.rosterId(), d.candidates(), "demoted: " + why));
            }
        }
        return out;
    }

    private static String format(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    /** True when the teacher is in the roster row's name block (same surname initial, same or unknown school). */
    static boolean inBlock(RosterTeacher row, VmsTeacher teacher) {
        NormalizedName r = NameNormalizer.roster(row.name());
        NormalizedName t = NameNormalizer.vms(teacher.firstName(), teacher.middleName(), teacher.lastName());
        Set<Character> initials = r.lastInitials();
        return t.lastInitials().stream().anyMatch(initials::contains)
                && sameSchoolOrUnknown(SchoolNormalizer.normalize(row.school()),
                SchoolNormalizer.normalize(teacher.school()));
    }
}
