package org.polaris.matching.teachers;

import java.util.Set;

/**
 * First names that differ by a gendered ending: Michaela and Michael, Roberta and Robert, Andrea and
 * Andrew, Maria and Mario, Alexandra and Alexander. One letter or two apart, they score high enough to
 * auto-link, yet they are nearly always two people (often at one school: siblings, a couple), and a
 * wrong link credits sessions to the wrong teacher. Such a pair goes to a person, never auto-linked.
 */
final class GenderedNames {

    /** Endings that make a given name feminine ("Paul" + "a", "Henri" + "ette", "Andre" + "a"). */
    private static final Set<String> FEMININE = Set.of("a", "e", "ia", "ina", "ine", "ette", "elle", "le", "ne", "ie",
            "ra", "na");
    /** Endings a masculine name has where the feminine one has its own ("Andre-w", "Mari-o", "Carl-os", "Alexand-er"). */
    private static final Set<String> MASCULINE = Set.of("", "o", "os", "us", "w", "er", "io", "ius", "as", "an", "el");
    private static final int MIN_STEM = 3;

    private GenderedNames() {
    }

    /** Whether two normalized first names are one stem with a feminine and a masculine ending. */
    static boolean differ(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return false;
        }
        int stem = 0;
        while (stem < a.length() && stem < b.length() && a.charAt(stem) == b.charAt(stem)) {
            stem++;
        }
        if (stem < MIN_STEM) {
            return false;
        }
        String restA = a.substring(stem);
        String restB = b.substring(stem);
        return (FEMININE.contains(restA) && MASCULINE.contains(restB))
                || (FEMININE.contains(restB) && MASCULINE.contains(restA));
    }
}
