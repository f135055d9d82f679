package org.polaris.matching.teachers;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the teacher auto-match on a labelled, deterministically generated district: about 600 VMS
 * teachers across 20 schools and a roster of about 450 rows whose names carry the variations real
 * rosters have (HR's legal names against self-entered VMS names, typing errors, "Last, First",
 * initials, nicknames, lost diacritics, hyphenated surnames, case and spacing), plus hard negatives:
 * colleagues sharing a surname at one school, married-name changes, teachers absent from the VMS and a
 * shared mailbox.
 *
 * <p><b>Labels.</b> Every roster row knows its true teacher (or that it has none in the VMS). A row is
 * <em>identifiable</em> when the correct answer is an auto-link: its true teacher is in the VMS and the
 * row's email or name identifies that teacher. Not identifiable, so expected to stay unlinked: married-name
 * changes without a matching email (by name they are a different person), absent teachers, a mailbox
 * shared by two teachers (the playbook's rule: ambiguous, a person decides), and the rare generated
 * variation that makes the name no more like the true teacher than like a colleague (a nickname shared
 * by both siblings, "Chris" for a Christopher next to a Christine; a typo turning "Mario" into "Mari"
 * next to a "Maria"); the generator labels those before running the matcher, by comparing the names
 * only, never by looking at the matcher's output.
 *
 * <p><b>Metrics</b> (over auto-links only; a review is a safe outcome, not a link):
 * precision = correct auto-links / all auto-links; recall = correct auto-links / identifiable rows.
 * An auto-link of a non-identifiable row is wrong even when it lands on the "true" teacher (a married
 * name linked by name is exactly what must not happen).
 */
class TeacherMatchingQualityTest {

    private static final long SEED = 20_250_611L;
    private static final String ROSTER_DOMAIN = "@kckps.example";

    // ---------------------------------------------------------------- name lists

    /** A first name as the VMS would hold it, with the nicknames people really use for it. */
    record First(String formal, List<String> nicknames) {
    }

    private static First f(String formal, String... nicknames) {
        return new First(formal, List.of(nicknames));
    }

    /** 170 first names: nickname-able English names, Spanish, French, African-American, Asian, African, hyphenated. */
    static final List<First> FIRSTS = List.of(
            f("Robert", "Bob", "Rob", "Bobby"), f("William", "Bill", "Will", "Billy"),
            f("Elizabeth", "Liz", "Beth", "Lizzie"), f("Katherine", "Kate", "Katie", "Kathy"),
            f("James", "Jim", "Jimmy"), f("Michael", "Mike"), f("Christopher", "Chris"), f("Christine", "Chris"),
            f("Thomas", "Tom", "Tommy"), f("Daniel", "Dan", "Danny"), f("Jennifer", "Jen", "Jenny"),
            f("Samuel", "Sam"), f("Samantha", "Sam"), f("Alexander", "Alex"), f("Alexandra", "Alex"),
            f("Anthony", "Tony"), f("Steven", "Steve"), f("Stephen", "Steve"), f("Matthew", "Matt"),
            f("Nicholas", "Nick"), f("Joseph", "Joe", "Joey"), f("David", "Dave"), f("Andrew", "Andy", "Drew"),
            f("Patrick", "Pat"), f("Patricia", "Pat", "Patty", "Trish"), f("Susan", "Sue", "Susie"),
            f("Margaret", "Meg", "Maggie", "Peggy"), f("Rebecca", "Becky"), f("Abigail", "Abby"),
            f("Richard", "Rick", "Rich"), f("Edward", "Ed", "Eddie", "Ted"), f("Charles", "Charlie", "Chuck"),
            f("Benjamin", "Ben"), f("Jonathan", "Jon"), f("Timothy", "Tim"), f("Kenneth", "Ken"),
            f("Ronald", "Ron"), f("Donald", "Don"), f("Gregory", "Greg"), f("Jeffrey", "Jeff"),
            f("Victoria", "Vicky", "Tori"), f("Jessica", "Jess"), f("Deborah", "Debbie", "Deb"),
            f("Kimberly", "Kim"), f("Cynthia", "Cindy"), f("Pamela", "Pam"), f("Theresa", "Terri"),
            f("Frederick", "Fred"), f("Raymond", "Ray"), f("Douglas", "Doug"), f("Zachary", "Zach"),
            f("Jacob", "Jake"), f("Nathaniel", "Nate"), f("Madeline", "Maddie"), f("Isabella", "Bella"),
            f("Gabriel", "Gabe"), f("Philip", "Phil"), f("Peter", "Pete"), f("Jacqueline", "Jackie"),
            f("Lawrence", "Larry"), f("Gerald", "Jerry"), f("Stephanie", "Steph"), f("Amanda", "Mandy"),
            f("Joshua", "Josh"), f("Angela", "Angie"), f("Barbara", "Barb"), f("Judith", "Judy"),
            f("Leonard", "Len"), f("Vincent", "Vince"), f("Valerie", "Val"),
            f("Maria"), f("Mario"), f("Marco"), f("Ana"), f("Anna"), f("Eva"), f("Ian"), f("Amy"), f("Laura"),
            f("Lauren"), f("Megan"), f("Hannah"), f("Emily"), f("Emma"), f("Grace"), f("Sarah"), f("Rachel"),
            f("Nicole"), f("Michelle"), f("Melissa"), f("Heather"), f("Brittany"), f("Tiffany"), f("Crystal"),
            f("Erica"), f("Eric"), f("Kevin"), f("Brian"), f("Jason"), f("Justin"), f("Brandon"), f("Tyler"),
            f("Kyle"), f("Aaron"), f("Adam"), f("Sean"), f("Keith"), f("Scott"), f("Travis"), f("Luis"),
            f("Carlos"), f("Juan"), f("Jorge"), f("Miguel"), f("Pedro"), f("Diego"), f("Alejandro"),
            f("Fernando"), f("Lucia"), f("Carmen"), f("Rosa"), f("Elena"), f("Gabriela"), f("Valeria"),
            f("Ximena"), f("Guadalupe", "Lupe"), f("Aisha"), f("Fatima"), f("Omar"), f("Ahmed"), f("Layla"),
            f("Mei"), f("Wei"), f("Hiroshi"), f("Yuki"), f("Priya"), f("Raj"), f("Anil"), f("Sunita"),
            f("Kwame"), f("Ama"), f("Chidi"), f("Ngozi"), f("Thanh"), f("Minh"), f("Linh"), f("Jamal"),
            f("Darnell"), f("Tanisha"), f("Keisha"), f("Latoya"), f("Imani"), f("Malik"), f("DeShawn"),
            f("Jaylen"), f("José", "Pepe"), f("Zoë"), f("Chloé"), f("Renée"), f("André"), f("Andrés"),
            f("Sofía"), f("Héctor"), f("Inés"), f("Raúl"), f("Ramón"), f("Noémie"), f("Björn"),
            f("François"), f("Søren"), f("Agnès"), f("Mónica"), f("Jesús"), f("Joaquín"), f("Álvaro"),
            f("Belén"), f("Mary-Jane"), f("Jean-Luc"), f("Anne-Marie"), f("D'Andre"), f("Dominique"),
            f("Paul"), f("Paula"), f("Julian"), f("Juliana"), f("Carla"), f("Danielle"), f("Andrea"));

    /** 215 surnames: common US, Hispanic with and without accents, Asian, African, hyphenated, apostrophes, particles. */
    static final List<String> LASTS = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodríguez", "Martínez",
            "Hernández", "Lopez", "González", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Pérez", "Thompson", "White", "Harris", "Sánchez", "Clark", "Ramírez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
            "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gómez",
            "Phillips", "Evans", "Turner", "Díaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart",
            "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutiérrez", "Ortiz", "Morgan", "Cooper", "Peterson",
            "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks",
            "Chávez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Álvarez",
            "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jiménez", "Li", "Wu", "Ng", "Chen",
            "Wang", "Zhang", "Liu", "Huang", "Tran", "Pham", "Le", "Vo", "Park", "Choi", "Yamamoto", "Tanaka",
            "Sato", "Singh", "Kumar", "Shah", "Okafor", "Mensah", "Adeyemi", "Okonkwo", "Diallo", "Mwangi",
            "O'Brien", "O'Connor", "O'Neil", "O'Malley", "D'Angelo", "D'Souza", "N'Diaye", "McDonald",
            "MacArthur", "McKenzie", "Van Dyke", "De La Cruz", "St. Clair", "Del Rio",
            "Núñez", "Peña", "Muñoz", "Ibáñez", "Báez", "Córdoba", "Domínguez", "Brontë", "Müller", "Schröder",
            "Østergaard", "Kowalski", "Nowak", "Dvořák", "Horváth", "Björk", "Åberg", "Lefèvre", "Girard",
            "Dubois", "Bélanger", "Côté", "Garcia-Lopez", "Smith-Jones", "Martinez-Ruiz", "Taylor-Brooks",
            "Nguyen-Tran", "Williams-Scott", "Rivera-Ortiz", "Hall-Peterson", "Moreno-Díaz", "Johnson-Reyes",
            "Baker-Hughes", "Castro-Vega", "Lewis-Grant", "Fernández-Ruiz", "Owens-Carter",
            "Washington", "Jefferson", "Franklin", "Hamilton", "Coleman", "Jenkins", "Perry", "Powell",
            "Henderson", "Patterson", "Simmons", "Butler", "Barnes", "Fisher", "Vasquez", "Sullivan", "Russell",
            "Griffin", "Hayes", "Myles", "Bryant", "Alexander", "Graham", "Wallace", "Woods", "Cole", "West",
            "Jordan", "Reynolds", "Ellis", "Stevens", "Tucker", "Porter", "Hunter", "Hicks", "Crawford", "Henry",
            "Boyd", "Mason", "Kennedy", "Warren", "Dixon", "Burns", "Gordon", "Shaw", "Holmes", "Rice", "Robertson",
            "Hunt", "Black", "Daniels", "Palmer", "Mills", "Nichols", "Grant", "Knight", "Ferguson", "Stone",
            "Hawkins", "Dunn", "Perkins", "Hudson", "Spencer", "Gardner", "Stephens", "Payne", "Pierce", "Berry",
            "Matthews", "Arnold", "Wagner", "Willis", "Ray", "Watkins", "Olson", "Carroll", "Duncan", "Snyder");

    /** Colleagues or siblings with one surname at one school: the hard negatives of name matching. */
    static final List<String[]> CONFUSABLE = List.of(
            new String[] {"Maria", "Mario"}, new String[] {"Maria", "Marco"}, new String[] {"Daniel", "Danielle"},
            new String[] {"Christopher", "Christine"}, new String[] {"Alexander", "Alexandra"},
            new String[] {"Samuel", "Samantha"}, new String[] {"Eric", "Erica"}, new String[] {"Paul", "Paula"},
            new String[] {"Carlos", "Carla"}, new String[] {"Gabriel", "Gabriela"},
            new String[] {"Michael", "Michelle"}, new String[] {"Julian", "Juliana"},
            new String[] {"André", "Andrea"}, new String[] {"Patrick", "Patricia"}, new String[] {"Ana", "Anna"},
            new String[] {"Laura", "Lauren"}, new String[] {"Kevin", "Keith"}, new String[] {"James", "Jason"},
            new String[] {"Luis", "Luisa"}, new String[] {"Jessica", "Jennifer"});

    /** School base name and level; the VMS spells the level in full, rosters as they like. */
    record School(String base, String level) {
        String vmsName() {
            return base + " " + switch (level) {
                case "HS" -> "High School";
                case "MS" -> "Middle School";
                case "ELEM" -> "Elementary";
                default -> "Academy";
            };
        }
    }

    static final List<School> SCHOOLS = List.of(
            new School("Wyandotte", "HS"), new School("Washington", "HS"), new School("J.C. Harmon", "HS"),
            new School("F.L. Schlagle", "HS"), new School("Sumner", "ACADEMY"), new School("Arrowhead", "MS"),
            new School("Argentine", "MS"), new School("Central", "MS"), new School("Eisenhower", "MS"),
            new School("Rosedale", "MS"), new School("Banneker", "ELEM"), new School("Bethel", "ELEM"),
            new School("Emerson", "ELEM"), new School("Frances Willard", "ELEM"), new School("Hazel Grove", "ELEM"),
            new School("Lowell", "ELEM"), new School("Mark Twain", "ELEM"), new School("Stony Point North", "ELEM"),
            new School("West Park", "ELEM"), new School("Washington", "ELEM"));

    // ---------------------------------------------------------------- labelled data

    enum Kind {
        EXACT, LAST_FIRST, MIDDLE_ADDED, MIDDLE_REMOVED, NICKNAME, DIACRITICS, HYPHEN_PART, CASE, EXTRA_SPACES,
        TYPO, HONORIFIC, EMAIL, EMAIL_MARRIED, SAME_NAME_OTHER_SCHOOL, SHARED_SURNAME, MARRIED, ABSENT,
        SHARED_EMAIL;

        boolean hard() {
            return switch (this) {
                case NICKNAME, TYPO, SHARED_SURNAME, MARRIED, ABSENT, SHARED_EMAIL, SAME_NAME_OTHER_SCHOOL,
                        EMAIL_MARRIED -> true;
                default -> false;
            };
        }
    }

    /** A VMS teacher as generated (display spelling), school -1 = unknown to the VMS. */
    static final class Person {
        final String id;
        final First first;
        final String firstDisplay;
        final String middle;
        final String last;
        final int school;
        final List<String> emails = new ArrayList<>();

        Person(String id, First first, String firstDisplay, String middle, String last, int school) {
            this.id = id;
            this.first = first;
            this.firstDisplay = firstDisplay;
            this.middle = middle;
            this.last = last;
            this.school = school;
        }

        VmsTeacher toVms() {
            return new VmsTeacher(id, firstDisplay, last, middle, emails,
                    school < 0 ? null : SCHOOLS.get(school).vmsName());
        }
    }

    /** A labelled roster row: the true teacher (null when absent) and whether an auto-link is the right answer. */
    record Labelled(RosterTeacher row, Kind kind, String trueTeacherId, boolean identifiable) {
        String expectedLink() {
            return identifiable ? trueTeacherId : null;
        }
    }

    static List<Person> vms;
    static List<Labelled> roster;
    static List<MatchDecision> decisions;

    @BeforeAll
    static void generateAndMatch() {
        Generator g = new Generator(new Random(SEED));
        g.generate();
        vms = g.people;
        roster = g.rows;
        decisions = new TeacherMatcher().match(roster.stream().map(Labelled::row).toList(),
                vms.stream().map(Person::toVms).toList());
    }

    @Test
    void generatorProducesEnoughRealisticLabelledPairs() {
        long hard = roster.stream().filter(l -> l.kind().hard()).count();
        Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        roster.forEach(l -> byKind.merge(l.kind(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "[teacher-matching] labelled set: %d roster rows, %d VMS teachers, %d schools,"
                        + " %d hard cases (%.1f%%); rows by kind: %s%n",
                roster.size(), vms.size(), SCHOOLS.size(), hard, 100.0 * hard / roster.size(), byKind);
        assertThat(roster).hasSizeGreaterThanOrEqualTo(300);
        assertThat((double) hard / roster.size()).isGreaterThanOrEqualTo(0.20);
        assertThat(FIRSTS).hasSizeGreaterThanOrEqualTo(150);
        assertThat(LASTS).hasSizeGreaterThanOrEqualTo(200);
        assertThat(roster.stream().map(l -> l.row().id()).distinct().count()).isEqualTo(roster.size());
        // every kind of variation and hard negative is present
        assertThat(byKind.keySet()).containsExactlyInAnyOrder(Kind.values());
        // the same seed gives the same data
        Generator again = new Generator(new Random(SEED));
        again.generate();
        assertThat(again.rows).isEqualTo(roster);
    }

    @Test
    void precisionAndRecallOfAutoLinks() {
        int autoLinks = 0;
        int correct = 0;
        int identifiable = 0;
        int reviews = 0;
        int unmatched = 0;
        Map<Kind, int[]> perKind = new EnumMap<>(Kind.class); // rows, identifiable, correct, wrong, review, unmatched
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Map<String, Person> byId = new HashMap<>();
        vms.forEach(p -> byId.put(p.id, p));
        for (int i = 0; i < roster.size(); i++) {
            Labelled l = roster.get(i);
            MatchDecision d = decisions.get(i);
            assertThat(d.rosterId()).isEqualTo(l.row().id());
            int[] k = perKind.computeIfAbsent(l.kind(), x -> new int[6]);
            k[0]++;
            if (l.identifiable()) {
                identifiable++;
                k[1]++;
            }
            switch (d.outcome()) {
                case AUTO_LINKED -> {
                    autoLinks++;
                    if (d.teacherId().equals(l.expectedLink())) {
                        correct++;
                        k[2]++;
                    } else {
                        k[3]++;
                        wrong.add(describe(l, d, byId));
                    }
                }
                case REVIEW -> {
                    reviews++;
                    k[4]++;
                }
                case UNMATCHED -> {
                    unmatched++;
                    k[5]++;
                }
            }
            if (l.identifiable() && !(d.isAutoLinked() && d.teacherId().equals(l.expectedLink()))) {
                missed.add(describe(l, d, byId));
            }
        }
        double precision = autoLinks == 0 ? 1.0 : (double) correct / autoLinks;
        double recall = identifiable == 0 ? 1.0 : (double) correct / identifiable;

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT,
                "[teacher-matching] rows=%d identifiable=%d auto-links=%d correct=%d wrong=%d review=%d unmatched=%d%n",
                roster.size(), identifiable, autoLinks, correct, autoLinks - correct, reviews, unmatched));
        report.append(String.format(Locale.ROOT,
                "[teacher-matching] precision = %d/%d = %.4f   recall = %d/%d = %.4f%n",
                correct, autoLinks, precision, correct, identifiable, recall));
        report.append("[teacher-matching] per kind: rows / identifiable / correct auto-links / wrong auto-links / review / unmatched\n");
        perKind.forEach((kind, k) -> report.append(String.format(Locale.ROOT,
                "[teacher-matching]   %-22s %4d %4d %4d %4d %4d %4d%n", kind, k[0], k[1], k[2], k[3], k[4], k[5])));
        wrong.forEach(w -> report.append("[teacher-matching] WRONG  ").append(w).append('\n'));
        missed.forEach(m -> report.append("[teacher-matching] MISSED ").append(m).append('\n'));
        System.out.print(report);

        assertThat(precision).as("precision of auto-links").isGreaterThanOrEqualTo(0.98);
        assertThat(recall).as("recall of auto-links over identifiable rows").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void hardNegativesAreNeverAutoLinkedByName() {
        for (int i = 0; i < roster.size(); i++) {
            Labelled l = roster.get(i);
            MatchDecision d = decisions.get(i);
            if (l.kind() == Kind.MARRIED || l.kind() == Kind.SHARED_EMAIL) {
                assertThat(d.outcome()).as(l.row().name() + " (" + l.kind() + ")").isNotEqualTo(MatchOutcome.AUTO_LINKED);
            }
            if (l.kind() == Kind.EMAIL_MARRIED) {
                assertThat(d.reason()).as(l.row().name()).isEqualTo(LinkReason.EMAIL);
            }
        }
    }

    private static String describe(Labelled l, MatchDecision d, Map<String, Person> byId) {
        Person truth = l.trueTeacherId() == null ? null : byId.get(l.trueTeacherId());
        Person linked = d.teacherId() == null ? null : byId.get(d.teacherId());
        return String.format(Locale.ROOT, "%-14s roster '%s' @ '%s' -> %s %s%s | true: %s",
                l.kind(), l.row().name(), l.row().school(), d.outcome(),
                linked == null ? "" : "'" + displayName(linked) + "' (" + d.reason().code() + " "
                        + String.format(Locale.ROOT, "%.3f", d.score()) + ")",
                d.outcome() == MatchOutcome.REVIEW ? d.candidates().size() + " candidate(s), best "
                        + String.format(Locale.ROOT, "%.3f", d.score()) + " [" + d.note() + "]" : "",
                truth == null ? "absent" : "'" + displayName(truth) + "'");
    }

    private static String displayName(Person p) {
        return p.firstDisplay + (p.middle == null ? "" : " " + p.middle) + " " + p.last
                + (p.school < 0 ? " @ ?" : " @ " + SCHOOLS.get(p.school).vmsName());
    }

    // ---------------------------------------------------------------- generator

    /** Text without case, diacritics or punctuation: what a person reading two names compares. */
    static String plain(String s) {
        String d = Normalizer.normalize(s.replace("ø", "o").replace("Ø", "O"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** Optimal string alignment distance, to label typo rows fairly (independent of the matcher's). */
    static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + c);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static final class Generator {
        final Random rnd;
        final List<Person> people = new ArrayList<>();
        final List<Labelled> rows = new ArrayList<>();
        /** identity keys (formal first | surname) -> schools holding them (-1 = unknown school). */
        final Map<String, Set<Integer>> keys = new HashMap<>();
        final Set<String> emails = new HashSet<>();
        final Set<String> used = new HashSet<>();
        int nextPerson = 1;
        int nextRow = 1;

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }

        boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        /** All identity keys a displayed first name can stand for ("Chris" -> Christopher and Christine). */
        static List<String> identityKeys(String firstDisplay, String last) {
            List<String> out = new ArrayList<>();
            String f = plain(firstDisplay);
            for (First fn : FIRSTS) {
                if (plain(fn.formal()).equals(f) || fn.nicknames().stream().anyMatch(n -> plain(n).equals(f))) {
                    out.add(plain(fn.formal()) + "|" + plain(last));
                }
            }
            if (out.isEmpty()) {
                out.add(f + "|" + plain(last));
            }
            return out;
        }

        /** True when a teacher of that name is already visible from school {@code school}. */
        boolean taken(String firstDisplay, String last, int school) {
            for (String k : identityKeys(firstDisplay, last)) {
                Set<Integer> at = keys.getOrDefault(k, Set.of());
                if (school < 0 ? !at.isEmpty() : at.contains(school) || at.contains(-1)) {
                    return true;
                }
            }
            return false;
        }

        Person add(First first, String firstDisplay, String middle, String last, int school) {
            Person p = new Person(String.format(Locale.ROOT, "T%04d", nextPerson++), first, firstDisplay, middle,
                    last, school);
            for (String k : identityKeys(firstDisplay, last)) {
                keys.computeIfAbsent(k, x -> new HashSet<>()).add(school);
            }
            String local = plain(firstDisplay) + "." + plain(last);
            String[] domains = {"@gmail.example", "@yahoo.example", "@outlook.example"};
            String email;
            do {
                email = local + (chance(0.5) ? String.valueOf(rnd.nextInt(100)) : "") + pick(List.of(domains));
            } while (!emails.add(email));
            p.emails.add(email);
            if (chance(0.2)) {
                String old;
                do {
                    old = plain(firstDisplay).charAt(0) + plain(last) + rnd.nextInt(1000) + "@oldschool.example";
                } while (!emails.add(old));
                p.emails.add(old);
            }
            people.add(p);
            return p;
        }

        /** A new VMS teacher at {@code school} with a name not yet visible there. */
        Person newPerson(int school) {
            while (true) {
                First fn = pick(FIRSTS);
                String last = pick(LASTS);
                String display = !fn.nicknames().isEmpty() && chance(0.12) ? pick(fn.nicknames()) : fn.formal();
                if (taken(display, last, school)) {
                    continue;
                }
                String middle = null;
                if (chance(0.3)) {
                    middle = pick(FIRSTS).formal();
                    if (chance(0.3)) {
                        middle = plain(middle).substring(0, 1).toUpperCase(Locale.ROOT) + ".";
                    }
                }
                return add(fn, display, middle, last, school);
            }
        }

        static First firstNamed(String name) {
            return FIRSTS.stream().filter(fn -> fn.formal().equals(name)).findFirst()
                    .orElseGet(() -> new First(name, List.of()));
        }

        String schoolSpelling(int school) {
            if (school < 0) {
                return pick(SCHOOLS).vmsName();
            }
            School s = SCHOOLS.get(school);
            List<String> levels = switch (s.level()) {
                case "HS" -> List.of("High School", "HS", "High", "H.S.");
                case "MS" -> List.of("Middle School", "MS", "Middle", "M.S.");
                case "ELEM" -> List.of("Elementary", "Elementary School", "Elem.", "Elem");
                default -> List.of("Academy", "Acad.");
            };
            String base = s.base();
            if (chance(0.3)) {
                base = base.replace(".", "");
            }
            String name = base + " " + pick(levels);
            double r = rnd.nextDouble();
            return r < 0.1 ? name.toUpperCase(Locale.ROOT) : r < 0.15 ? name.toLowerCase(Locale.ROOT) : name;
        }

        String rosterEmail(String first, String last) {
            return (plain(first).isEmpty() ? "x" : plain(first).substring(0, 1)) + plain(last)
                    + rnd.nextInt(100) + ROSTER_DOMAIN;
        }

        /** The roster spelling of a name: "First [M.] Last" or "Last, First [M.]". */
        static String render(String first, String middleInitial, String last, boolean lastFirst) {
            String mid = middleInitial == null ? "" : " " + middleInitial;
            return lastFirst ? last + ", " + first + mid : first + mid + " " + last;
        }

        static String initialOf(String name) {
            return plain(name).substring(0, 1).toUpperCase(Locale.ROOT) + ".";
        }

        /** One typing error: an adjacent swap, a dropped or a doubled letter, anywhere in the word. */
        String typo(String word) {
            for (int attempt = 0; attempt < 50; attempt++) {
                int op = rnd.nextInt(3);
                int i = rnd.nextInt(word.length());
                String out = null;
                if (op == 0 && i + 1 < word.length() && Character.isLetter(word.charAt(i))
                        && Character.isLetter(word.charAt(i + 1))
                        && Character.toLowerCase(word.charAt(i)) != Character.toLowerCase(word.charAt(i + 1))) {
                    out = word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
                    if (i == 0) {
                        // a swap at the start keeps the capital where it was typed: "Aan" -> "aAn" reads "Aan"
                        out = Character.toUpperCase(out.charAt(0)) + out.substring(1, 2).toLowerCase(Locale.ROOT)
                                + out.substring(2);
                    }
                } else if (op == 1 && plain(word).length() >= 4 && Character.isLetter(word.charAt(i))) {
                    out = word.substring(0, i) + word.substring(i + 1);
                    if (i == 0) {
                        out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
                    }
                } else if (op == 2 && Character.isLetter(word.charAt(i))) {
                    out = word.substring(0, i + 1) + Character.toLowerCase(word.charAt(i)) + word.substring(i + 1);
                }
                if (out != null && !plain(out).equals(plain(word))) {
                    return out;
                }
            }
            throw new IllegalStateException("no typo for " + word);
        }

        static String stripDiacritics(String s) {
            return Normalizer.normalize(s.replace("ø", "o").replace("Ø", "O"), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "");
        }

        static boolean hasDiacritics(String s) {
            return !stripDiacritics(s).equals(s);
        }

        String messUpCase(String name) {
            return chance(0.5) ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
        }

        String extraSpaces(String name) {
            String s = name.replace(" ", chance(0.5) ? "  " : "   ");
            return (chance(0.5) ? " " : "") + s + (chance(0.5) ? "  " : " ");
        }

        String honorific() {
            return pick(List.of("Mr.", "Mrs.", "Ms.", "Ms", "Dr.", "Mrs"));
        }

        /** Light noise every roster has regardless of the row's main variation. */
        String noise(String name) {
            if (chance(0.05)) {
                name = messUpCase(name);
            }
            if (chance(0.05)) {
                name = extraSpaces(name);
            }
            return name;
        }

        /** Unused VMS teachers at known schools or unknown, matching a filter, in random order. */
        Person take(Predicate<Person> filter) {
            List<Person> pool = people.stream().filter(p -> !used.contains(p.id) && filter.test(p)).toList();
            if (pool.isEmpty()) {
                throw new IllegalStateException("generator ran out of teachers");
            }
            Person p = pick(pool);
            used.add(p.id);
            return p;
        }

        void row(Kind kind, String name, String email, int school, String trueId, boolean identifiable) {
            RosterTeacher r = new RosterTeacher(String.format(Locale.ROOT, "R%04d", nextRow++), name, email,
                    schoolSpelling(school));
            rows.add(new Labelled(r, kind, trueId, identifiable));
        }

        /** The school a roster row is at: the teacher's, or any when the VMS does not know it. */
        int rosterSchool(Person p) {
            return p.school >= 0 ? p.school : rnd.nextInt(SCHOOLS.size());
        }

        /** Is a roster name (first/last as written) exactly the name of another teacher it could be confused with? */
        boolean collides(String first, String last, int school, Person truth) {
            for (Person o : people) {
                if (o == truth || (o.school >= 0 && o.school != school)) {
                    continue;
                }
                if (identityKeys(first, last).stream().anyMatch(identityKeys(o.firstDisplay, o.last)::contains)) {
                    return true;
                }
            }
            return false;
        }

        void generate() {
            // ---- the VMS: 28 teachers per school, 30 whose school the VMS does not know
            for (int s = 0; s < SCHOOLS.size(); s++) {
                for (int k = 0; k < 28; k++) {
                    newPerson(s);
                }
            }
            for (int k = 0; k < 30; k++) {
                newPerson(-1);
            }
            // ---- planned hard structures
            List<Person[]> siblings = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                String[] pair = CONFUSABLE.get(k % CONFUSABLE.size());
                while (true) {
                    int s = rnd.nextInt(SCHOOLS.size());
                    String last = pick(LASTS);
                    if (taken(pair[0], last, s) || taken(pair[1], last, s)) {
                        continue;
                    }
                    Person a = add(firstNamed(pair[0]), pair[0], null, last, s);
                    Person b = add(firstNamed(pair[1]), pair[1], null, last, s);
                    siblings.add(chance(0.5) ? new Person[] {a, b} : new Person[] {b, a});
                    used.add(a.id);
                    used.add(b.id);
                    break;
                }
            }
            List<Person> twins = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                Person p = take(x -> x.school >= 0);
                int other;
                do {
                    other = rnd.nextInt(SCHOOLS.size());
                } while (other == p.school || taken(p.firstDisplay, p.last, other));
                add(p.first, p.firstDisplay, null, p.last, other);
                twins.add(p);
            }
            List<Person[]> mailboxes = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Person a = take(x -> x.school >= 0);
                int school = a.school;
                Person b = take(x -> x.school == school);
                String shared = "dept" + k + "." + plain(SCHOOLS.get(school).base()) + "@district-mail.example";
                emails.add(shared);
                a.emails.add(0, shared);
                b.emails.add(shared);
                mailboxes.add(new Person[] {a, b});
            }

            // ---- roster rows
            for (int k = 0; k < 40; k++) {
                Person p = take(x -> true);
                row(Kind.EXACT, noise(render(p.firstDisplay, null, p.last, false)),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 30; k++) {
                Person p = take(x -> true);
                String mid = p.middle != null && chance(0.5) ? initialOf(p.middle) : null;
                row(Kind.LAST_FIRST, noise(render(p.firstDisplay, mid, p.last, true)),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 25; k++) {
                Person p = take(x -> true);
                String mid = p.middle != null ? (chance(0.5) ? p.middle : initialOf(p.middle))
                        : initialOf(pick(FIRSTS).formal());
                row(Kind.MIDDLE_ADDED, noise(render(p.firstDisplay, mid, p.last, chance(0.2))),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 15; k++) {
                Person p = take(x -> x.middle != null);
                row(Kind.MIDDLE_REMOVED, noise(render(p.firstDisplay, null, p.last, chance(0.2))),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 35; k++) {
                Person p = take(x -> !x.first.nicknames().isEmpty());
                List<String> forms = new ArrayList<>(p.first.nicknames());
                forms.add(p.first.formal());
                forms.remove(p.firstDisplay);
                String first = pick(forms);
                int school = rosterSchool(p);
                row(Kind.NICKNAME, noise(render(first, null, p.last, chance(0.2))), rosterEmail(first, p.last),
                        school, p.id, !collides(first, p.last, school, p));
            }
            for (int k = 0; k < 20; k++) {
                Person p = take(x -> hasDiacritics(x.firstDisplay) || hasDiacritics(x.last));
                row(Kind.DIACRITICS, noise(render(stripDiacritics(p.firstDisplay), null, stripDiacritics(p.last),
                        chance(0.2))), rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 15; k++) {
                Person p = take(x -> x.last.contains("-"));
                String part = p.last.substring(0, p.last.indexOf('-'));
                row(Kind.HYPHEN_PART, noise(render(p.firstDisplay, null, part, chance(0.2))),
                        rosterEmail(p.firstDisplay, part), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 5; k++) {
                // the roster has the hyphenated married name, the VMS still the first part alone
                Person p = take(x -> !x.last.contains("-") && !x.last.contains(" "));
                String hyphenated = p.last + "-" + pick(LASTS.stream().filter(l -> !l.contains("-")).toList());
                row(Kind.HYPHEN_PART, noise(render(p.firstDisplay, null, hyphenated, chance(0.2))),
                        rosterEmail(p.firstDisplay, hyphenated), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 20; k++) {
                Person p = take(x -> true);
                row(Kind.CASE, messUpCase(render(p.firstDisplay, null, p.last, chance(0.2))),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 15; k++) {
                Person p = take(x -> true);
                row(Kind.EXTRA_SPACES, extraSpaces(render(p.firstDisplay, null, p.last, chance(0.2))),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 45; k++) {
                Person p = take(x -> true);
                boolean inFirst = chance(0.4);
                String first = inFirst ? typo(p.firstDisplay) : p.firstDisplay;
                String last = inFirst ? p.last : typo(p.last);
                int school = rosterSchool(p);
                row(Kind.TYPO, noise(render(first, null, last, chance(0.2))), rosterEmail(p.firstDisplay, p.last),
                        school, p.id, !collides(first, last, school, p));
            }
            for (int k = 0; k < 10; k++) {
                Person p = take(x -> true);
                row(Kind.HONORIFIC, noise(honorific() + " " + render(p.firstDisplay, null, p.last, false)),
                        rosterEmail(p.firstDisplay, p.last), rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 25; k++) {
                // linkable by email; the name may be written any way, even badly
                Person p = take(x -> true);
                String first = chance(0.3) && !p.first.nicknames().isEmpty() ? pick(p.first.nicknames())
                        : p.firstDisplay;
                String last = chance(0.3) ? typo(p.last) : p.last;
                String email = pick(p.emails);
                if (chance(0.3)) {
                    email = "  " + email.toUpperCase(Locale.ROOT) + " ";
                }
                row(Kind.EMAIL, noise(render(first, null, last, chance(0.3))), email, rosterSchool(p), p.id, true);
            }
            for (int k = 0; k < 8; k++) {
                Person p = take(x -> true);
                String married = marriedName(p);
                row(Kind.EMAIL_MARRIED, noise(render(p.firstDisplay, null, married, chance(0.2))), p.emails.get(0),
                        rosterSchool(p), p.id, true);
            }
            for (Person p : twins) {
                row(Kind.SAME_NAME_OTHER_SCHOOL, noise(render(p.firstDisplay, null, p.last, chance(0.2))),
                        rosterEmail(p.firstDisplay, p.last), p.school, p.id, true);
            }
            for (Person[] pair : siblings) {
                Person p = pair[0];
                Person sibling = pair[1];
                String first = p.firstDisplay;
                boolean identifiable = true;
                double r = rnd.nextDouble();
                if (r < 0.2) {
                    first = typo(p.firstDisplay);
                    identifiable = osa(plain(first), plain(p.firstDisplay)) < osa(plain(first), plain(sibling.firstDisplay));
                } else if (r < 0.3 && !p.first.nicknames().isEmpty()) {
                    first = pick(p.first.nicknames());
                    identifiable = !identityKeys(first, p.last).contains(plain(sibling.first.formal()) + "|" + plain(p.last));
                }
                String mid = chance(0.15) ? initialOf(pick(FIRSTS).formal()) : null;
                row(Kind.SHARED_SURNAME, noise(render(first, mid, p.last, chance(0.25))), rosterEmail(first, p.last),
                        p.school, p.id, identifiable);
            }
            for (int k = 0; k < 25; k++) {
                Person p = take(x -> true);
                String married = marriedName(p);
                row(Kind.MARRIED, noise(render(p.firstDisplay, chance(0.2) ? initialOf(p.last) : null, married,
                        chance(0.2))), rosterEmail(p.firstDisplay, married), rosterSchool(p), p.id, false);
            }
            for (int k = 0; k < 35; k++) {
                int school = rnd.nextInt(SCHOOLS.size());
                while (true) {
                    First fn = pick(FIRSTS);
                    String first = !fn.nicknames().isEmpty() && chance(0.2) ? pick(fn.nicknames()) : fn.formal();
                    String last;
                    if (chance(0.4)) {
                        // a relative or namesake of a colleague: same surname, same school
                        int s = school;
                        last = pick(people.stream().filter(x -> x.school == s).toList()).last;
                    } else {
                        last = pick(LASTS);
                    }
                    if (taken(first, last, school)) {
                        continue;
                    }
                    row(Kind.ABSENT, noise(render(first, chance(0.2) ? initialOf(pick(FIRSTS).formal()) : null, last,
                            chance(0.2))), rosterEmail(first, last), school, null, false);
                    break;
                }
            }
            for (Person[] box : mailboxes) {
                Person p = box[chance(0.5) ? 0 : 1];
                row(Kind.SHARED_EMAIL, noise(render(p.firstDisplay, null, p.last, false)), box[0].emails.get(0),
                        p.school, p.id, false);
            }
            Collections.shuffle(rows, rnd);
        }

        /** A new surname after marriage, not a name another teacher at that school already has. */
        String marriedName(Person p) {
            while (true) {
                String last = pick(LASTS);
                // more than one edit away: a surname one letter off reads as a typo, to a person as well
                if (osa(plain(last), plain(p.last)) > 1 && !last.contains(p.last) && !p.last.contains(last)
                        && !taken(p.firstDisplay, last, p.school)) {
                    return last;
                }
            }
        }
    }
}
