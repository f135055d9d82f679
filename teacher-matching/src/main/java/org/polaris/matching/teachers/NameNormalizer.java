package org.polaris.matching.teachers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns person names into comparable forms: lower case, diacritics removed, apostrophes dropped
 * ("O'Brien" = "OBrien"), hyphenated given names joined ("Mary-Jane" = "Mary Jane" as a first name),
 * hyphenated or double surnames kept whole and also by their first part, "Last, First" reordered,
 * honorifics (Mr, Mrs, Ms, Dr...) and suffixes (Jr, III, PhD...) dropped, middle names and initials
 * dropped ("Ana M. Garcia" -> "ana garcia"), nicknames mapped to a canonical first name ("Bob" ->
 * "robert", see {@link Nicknames}).
 *
 * <p>A roster name is free text, so it cannot always be parsed one way: "Ana Maria Garcia" is Ana
 * (middle name Maria) Garcia, or Ana-Maria Garcia, or Ana Maria-Garcia. Instead of guessing, a name
 * is normalized to a small set of {@linkplain NameForm forms} (readings); the comparison keeps the
 * best pair of forms (see {@link NameSimilarity}). The first form is the primary reading, the one
 * {@link #normalize(String)} returns.
 */
public final class NameNormalizer {

    /** Honorifics, dropped wherever they stand ("Mrs. Garcia", "Garcia, Dr. Ana"). */
    static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof");
    /** Generational and academic suffixes, dropped ("John Smith Jr.", "Ana Garcia, Ph.D."). */
    static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "edd", "md", "esq");
    /** Surname particles: "Ana de la Cruz" has the surname "de la cruz", not "cruz". */
    static final Set<String> PARTICLES = Set.of("de", "del", "della", "di", "da", "das", "do", "dos", "du",
            "la", "las", "los", "le", "van", "von", "der", "den", "ten", "ter", "st", "saint", "al", "el", "bin");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018`\u00b4\u02bc]");
    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]");
    private static final Pattern OTHER_PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\- ]");
    private static final Pattern SPACED_HYPHEN = Pattern.compile("\\s*-\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * One reading of a name.
     *
     * @param first       normalized first name (canonical when a nickname), "" when the name has none
     * @param last        normalized surname, parts separated by one space ("garcia lopez", "de la cruz")
     * @param partialLast true when {@code last} is only the first part of a compound surname
     *                    ("garcia" of "Garcia-Lopez")
     */
    public record NameForm(String first, String last, boolean partialLast) {

        /** "first last" (or just "last"). */
        public String full() {
            return first.isEmpty() ? last : first + " " + last;
        }

        /** The surname's initial, the blocking key; 0 when there is no surname. */
        public char lastInitial() {
            return last.isEmpty() ? 0 : last.charAt(0);
        }
    }

    /** All readings of one name, the primary one first. */
    public record NormalizedName(List<NameForm> forms) {

        public NormalizedName {
            forms = List.copyOf(forms);
        }

        public boolean isEmpty() {
            return forms.isEmpty();
        }

        /** The primary reading; an empty form when the name is empty. */
        public NameForm primary() {
            return forms.isEmpty() ? new NameForm("", "", false) : forms.get(0);
        }

        /** The surname initials of all readings (the blocking keys). */
        public Set<Character> lastInitials() {
            Set<Character> initials = new LinkedHashSet<>();
            for (NameForm f : forms) {
                if (f.lastInitial() != 0) {
                    initials.add(f.lastInitial());
                }
            }
            return initials;
        }
    }

    /** A parse hypothesis: given-name variants (literal, normalized) and surname tokens. */
    private record Hypothesis(List<String> givenVariants, List<String> surnameTokens, String partialOverride) {
    }

    private NameNormalizer() {
    }

    /**
     * Lower case (root locale) without diacritics: NFD, then combining marks stripped; the few Latin
     * letters that do not decompose (ø, ł, æ, œ, ß, đ, þ, ı) are spelled out first.
     */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ø', 'Ø' -> b.append('o');
                case 'ł', 'Ł' -> b.append('l');
                case 'æ', 'Æ' -> b.append("ae");
                case 'œ', 'Œ' -> b.append("oe");
                case 'ß' -> b.append("ss");
                case 'đ', 'Đ' -> b.append('d');
                case 'þ', 'Þ' -> b.append("th");
                case 'ı' -> b.append('i');
                default -> b.append(c);
            }
        }
        String decomposed = Normalizer.normalize(b, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * The tokens of a folded text: apostrophes removed, periods removed ("Ph.D." -> "phd", "A.J." ->
     * "aj", "M." -> "m"), other punctuation as spaces, hyphens kept inside tokens ("garcia-lopez").
     */
    static List<String> tokens(String folded) {
        String s = APOSTROPHES.matcher(folded).replaceAll("");
        s = DASHES.matcher(s).replaceAll("-");
        s = s.replace(".", "");
        s = OTHER_PUNCTUATION.matcher(s).replaceAll(" ");
        s = SPACED_HYPHEN.matcher(s).replaceAll("-");
        List<String> out = new ArrayList<>();
        for (String t : WHITESPACE.split(s.trim())) {
            String token = stripHyphens(t);
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }

    private static String stripHyphens(String t) {
        int from = 0;
        int to = t.length();
        while (from < to && t.charAt(from) == '-') {
            from++;
        }
        while (to > from && t.charAt(to - 1) == '-') {
            to--;
        }
        return t.substring(from, to);
    }

    /** Tokens without honorifics and suffixes (kept when they are all there is, e.g. a surname "Le"). */
    private static List<String> nameTokens(String folded) {
        List<String> all = tokens(folded);
        List<String> kept = all.stream().filter(t -> !HONORIFICS.contains(t) && !SUFFIXES.contains(t)).toList();
        return kept.isEmpty() ? all : kept;
    }

    /** The primary normalized reading of a roster name, "first last": "Garcia, Ana M." -> "ana garcia". */
    public static String normalize(String rosterName) {
        return roster(rosterName).primary().full();
    }

    /** The readings of a free-text roster name ("Garcia, Ana M.", "Ms. Ana Garcia", "ana  garcia-lopez"). */
    public static NormalizedName roster(String name) {
        String folded = fold(name);
        List<Hypothesis> hypotheses = new ArrayList<>();
        int comma = folded.indexOf(',');
        if (comma >= 0) {
            List<String> surname = nameTokens(folded.substring(0, comma));
            List<String> given = tokens(folded.substring(comma + 1)).stream()
                    .filter(t -> !HONORIFICS.contains(t) && !SUFFIXES.contains(t)).toList();
            if (!given.isEmpty() && !surname.isEmpty()) {
                // "Garcia, Ana M." -> surname garcia, given ana (m is an initial)
                hypotheses.add(new Hypothesis(rosterGivenVariants(given), surname, null));
                return expand(hypotheses);
            }
            // "Ana Garcia, Jr." or ", Ana": the comma did not separate surname and given names
            folded = folded.replace(',', ' ');
        }
        List<String> toks = nameTokens(folded);
        if (toks.isEmpty()) {
            return new NormalizedName(List.of());
        }
        if (toks.size() == 1) {
            hypotheses.add(new Hypothesis(List.of(""), toks, null));
            return expand(hypotheses);
        }
        int start = toks.size() - 1;
        while (start - 1 >= 1 && PARTICLES.contains(toks.get(start - 1))) {
            start--;
        }
        List<String> given = toks.subList(0, start);
        List<String> surname = toks.subList(start, toks.size());
        hypotheses.add(new Hypothesis(rosterGivenVariants(given), surname, null));
        List<String> givenWords = withoutInitials(given);
        if (givenWords.size() >= 2 && surname.size() == 1) {
            // "Jose Nunez Garcia": also read "nunez garcia" as a double surname (first part "nunez")
            List<String> shorter = givenWords.subList(0, givenWords.size() - 1);
            String moved = givenWords.get(givenWords.size() - 1);
            List<String> compound = new ArrayList<>();
            compound.add(moved);
            compound.addAll(surname);
            hypotheses.add(new Hypothesis(rosterGivenVariants(shorter), compound, joinParts(moved)));
        }
        return expand(hypotheses);
    }

    /**
     * The readings of a structured VMS name. The first-name field is taken whole ("Mary Jane" ->
     * "maryjane") and by its first word; the middle name is ignored, except that first + middle is
     * also a reading (a VMS "Mary" / "Jane" is the roster's "Mary-Jane"). Without a last name the
     * first-name field is parsed like a roster name.
     */
    public static NormalizedName vms(String firstName, String middleName, String lastName) {
        List<String> last = nameTokens(fold(lastName));
        if (last.isEmpty()) {
            return roster(((firstName == null ? "" : firstName) + " " + (middleName == null ? "" : middleName)).trim());
        }
        List<String> given = withoutInitials(joinHyphens(tokens(fold(firstName)).stream()
                .filter(t -> !HONORIFICS.contains(t)).toList()));
        List<String> middle = withoutInitials(joinHyphens(tokens(fold(middleName))));
        Set<String> variants = new LinkedHashSet<>();
        if (given.isEmpty()) {
            List<String> initials = joinHyphens(tokens(fold(firstName)));
            variants.add(initials.isEmpty() ? "" : initials.get(0));
        } else {
            variants.add(String.join("", given));
            variants.add(given.get(0));
            if (!middle.isEmpty()) {
                variants.add(String.join("", given) + middle.get(0));
            }
        }
        return expand(List.of(new Hypothesis(List.copyOf(variants), last, null)));
    }

    /** Given-name variants of a roster name: the first word ("ana"), and the first two joined ("anamaria"). */
    private static List<String> rosterGivenVariants(List<String> given) {
        List<String> joined = joinHyphens(given);
        List<String> words = withoutInitials(joined);
        if (words.isEmpty()) {
            // only initials ("A. Garcia"): keep the first initial, it is all we know
            return List.of(joined.isEmpty() ? "" : joined.get(0));
        }
        List<String> variants = new ArrayList<>();
        variants.add(words.get(0));
        if (words.size() >= 2) {
            variants.add(words.get(0) + words.get(1));
        }
        return variants;
    }

    private static List<String> joinHyphens(List<String> tokens) {
        return tokens.stream().map(t -> t.replace("-", "")).filter(t -> !t.isEmpty()).toList();
    }

    private static List<String> withoutInitials(List<String> tokens) {
        return tokens.stream().filter(t -> t.length() > 1).toList();
    }

    private static String joinParts(String token) {
        return String.join(" ", token.split("-"));
    }

    private static NormalizedName expand(List<Hypothesis> hypotheses) {
        Set<NameForm> forms = new LinkedHashSet<>();
        for (Hypothesis h : hypotheses) {
            String full = h.surnameTokens().stream().map(NameNormalizer::joinParts)
                    .reduce((a, b) -> a + " " + b).orElse("");
            String partial = h.partialOverride() != null ? h.partialOverride() : partialSurname(h.surnameTokens());
            for (String given : h.givenVariants()) {
                for (String first : firstNames(given)) {
                    forms.add(new NameForm(first, full, false));
                }
            }
            if (partial != null && !partial.equals(full)) {
                for (String given : h.givenVariants()) {
                    for (String first : firstNames(given)) {
                        forms.add(new NameForm(first, partial, true));
                    }
                }
            }
        }
        return new NormalizedName(new ArrayList<>(forms));
    }

    /**
     * The first part of a compound surname: "garcia" of "garcia-lopez" or "garcia lopez", "de la cruz"
     * of "de la cruz-ruiz"; null for a simple surname or one that only has particles ("de la cruz").
     */
    private static String partialSurname(List<String> tokens) {
        if (tokens.size() >= 2 && !PARTICLES.contains(tokens.get(0))) {
            return tokens.get(0).split("-")[0];
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).contains("-")) {
                List<String> head = new ArrayList<>(tokens.subList(0, i));
                head.add(tokens.get(i).split("-")[0]);
                return String.join(" ", head);
            }
        }
        return null;
    }

    /**
     * The first names a given name stands for: its primary canonical name first (the nickname table's
     * when unambiguous, else the name itself), then the name as written, then any other canonical name.
     */
    static List<String> firstNames(String given) {
        if (given.isEmpty()) {
            return List.of("");
        }
        Set<String> canonical = new TreeSet<>(Nicknames.canonical(given));
        Set<String> out = new LinkedHashSet<>();
        if (canonical.size() == 1) {
            out.add(canonical.iterator().next());
        }
        out.add(given);
        out.addAll(canonical);
        return List.copyOf(out);
    }

    /** Convenience for tests and logs: the full strings of all readings. */
    static List<String> fullForms(NormalizedName name) {
        return name.forms().stream().map(NameForm::full).distinct().toList();
    }
}
