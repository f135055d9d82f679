package org.polaris.matching.teachers;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.polaris.matching.teachers.NameNormalizer.NameForm;
import org.polaris.matching.teachers.NameNormalizer.NormalizedName;

/**
 * The name score of a roster name against a VMS teacher: one number in [0, 1].
 *
 * <p><b>Base score.</b> Jaro-Winkler similarity (commons-text) of the full normalized names
 * ("first last"), taking the best pair of {@linkplain NameForm readings}. The full string is used
 * rather than first and last name separately because Jaro-Winkler is unforgiving on very short
 * strings: one swapped letter in "Ana" scores 0.56 on its own, but "aan garcia" vs "ana garcia"
 * scores 0.97, which is what a single typo deserves.
 *
 * <p><b>Ceiling for a different first or last name.</b> Jaro-Winkler rewards long common prefixes, so
 * on its own it ranks "alexander kim" vs "alexandra kim" (0.97) like a typo. A typo is one edit;
 * two names further apart than one edit (optimal string alignment distance, a transposition counting
 * as one) are treated as different names: their score is capped at the lower of the part's own
 * Jaro-Winkler score and {@value #DIFFERENT_NAME_CEILING}, which is below the auto-link threshold.
 * Such a pair can go to review, never be linked silently. This is also what keeps a married-name change
 * ("Ana Smith" vs "Ana Garcia", surname score 0.45) from being linked: by name they are different
 * people, and only the email or a person can tell otherwise. Nicknames are not a different name: the
 * readings already carry the canonical first name ("bob" and "robert" both read "robert").
 *
 * <p><b>Compound surnames.</b> A reading that uses only the first part of a compound surname
 * ("Garcia" for "Garcia-Lopez") is worth {@value #PARTIAL_SURNAME_FACTOR} of its score: it still
 * auto-links when it is the only plausible teacher, but loses to a teacher whose whole surname matches
 * and, being within the margin of it, sends both to review rather than guessing.
 *
 * <p><b>Blocking.</b> Readings are compared only when their surnames share the initial; a pair of names
 * with no such readings scores 0.
 */
public final class NameSimilarity {

    /** Highest score of two names whose first or last names differ by more than one edit. */
    public static final double DIFFERENT_NAME_CEILING = 0.90;
    /** Weight of a reading that matches only the first part of a compound surname. */
    public static final double PARTIAL_SURNAME_FACTOR = 0.98;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameSimilarity() {
    }

    /** Best score over the readings of both names whose surnames share the initial; 0 when there are none. */
    public static double score(NormalizedName roster, NormalizedName teacher) {
        double best = 0.0;
        for (NameForm r : roster.forms()) {
            for (NameForm t : teacher.forms()) {
                if (r.lastInitial() != 0 && r.lastInitial() == t.lastInitial()) {
                    best = Math.max(best, score(r, t));
                    if (best >= 1.0) {
                        return 1.0;
                    }
                }
            }
        }
        return best;
    }

    /** The score of one pair of readings (no blocking). */
    public static double score(NameForm a, NameForm b) {
        double score = JARO_WINKLER.apply(a.full(), b.full());
        if (!sameNameOrTypo(a.first(), b.first())) {
            score = Math.min(score, Math.min(JARO_WINKLER.apply(a.first(), b.first()), DIFFERENT_NAME_CEILING));
        }
        String lastA = a.last().replace(" ", "");
        String lastB = b.last().replace(" ", "");
        if (!sameNameOrTypo(lastA, lastB)) {
            score = Math.min(score, Math.min(JARO_WINKLER.apply(lastA, lastB), DIFFERENT_NAME_CEILING));
        }
        if (a.partialLast() || b.partialLast()) {
            score *= PARTIAL_SURNAME_FACTOR;
        }
        return score;
    }

    /** Equal, or one typo apart (one insertion, deletion, substitution or adjacent transposition). */
    static boolean sameNameOrTypo(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return Math.abs(a.length() - b.length()) <= 1 && editDistance(a, b) <= 1;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int editDistance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
