package org.polaris.matching.teachers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalizes school / building names so that the spellings a roster and the VMS use for one school
 * compare equal: case, diacritics and punctuation are ignored ("J.C. Harmon" = "JC Harmon",
 * "St. Mary's" = "St Marys"), and the usual level words are abbreviated one way:
 * "High School" / "High" / "H.S." / "Senior High" -> "hs", "Middle School" / "Middle" / "M.S." -> "ms",
 * "Elementary School" / "Elementary" / "Elem." / "E.S." -> "elem", "Academy" / "Acad." -> "academy",
 * "Saint" -> "st", "&" -> "and"; a remaining "school" and a leading "the" are dropped.
 *
 * <p>The result is used for blocking (a name candidate must be at the same school), so it errs on
 * the side of merging spellings, never on merging schools: "Lincoln Middle School" and "Lincoln High
 * School" stay different. An unknown school normalizes to "" (see {@link #isKnown(String)}).
 */
public final class SchoolNormalizer {

    private static final Pattern PERIODS_APOSTROPHES = Pattern.compile("[.'\u2019\u2018`]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("elementary", "elem"),
            Map.entry("elem", "elem"),
            Map.entry("es", "elem"),
            Map.entry("academy", "academy"),
            Map.entry("acad", "academy"),
            Map.entry("saint", "st"),
            Map.entry("hs", "hs"),
            Map.entry("ms", "ms"),
            Map.entry("jr", "junior"),
            Map.entry("sr", "senior"),
            Map.entry("ctr", "center"),
            Map.entry("intl", "international"));

    private SchoolNormalizer() {
    }

    /** The normalized school name; "" for null or blank. */
    public static String normalize(String school) {
        if (school == null || school.isBlank()) {
            return "";
        }
        String s = NameNormalizer.fold(school).replace("&", " and ");
        s = PERIODS_APOSTROPHES.matcher(s).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(s.trim())) {
            if (!w.isEmpty()) {
                words.add(WORDS.getOrDefault(w, w));
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            switch (w) {
                case "high" -> {
                    // "senior high (school)" is a high school; "junior high" stays a junior high
                    if (!out.isEmpty() && out.get(out.size() - 1).equals("senior")) {
                        out.remove(out.size() - 1);
                    }
                    out.add(out.isEmpty() || out.get(out.size() - 1).equals("junior") ? "high" : "hs");
                    if (next.equals("school")) {
                        i++;
                    }
                }
                case "middle" -> {
                    out.add(out.isEmpty() ? "middle" : "ms");
                    if (next.equals("school")) {
                        i++;
                    }
                }
                case "elem" -> {
                    out.add("elem");
                    if (next.equals("school")) {
                        i++;
                    }
                }
                case "school" -> {
                    // a bare "school" carries no information ("Lincoln School" = "Lincoln")
                }
                case "the" -> {
                    if (!out.isEmpty()) {
                        out.add(w);
                    }
                }
                default -> out.add(w);
            }
        }
        if (out.isEmpty()) {
            return String.join(" ", words);
        }
        return String.join(" ", out);
    }

    /** True when the school is known (not null or blank once normalized). */
    public static boolean isKnown(String normalized) {
        return normalized != null && !normalized.isEmpty();
    }
}
