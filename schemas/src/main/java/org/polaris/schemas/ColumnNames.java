package org.polaris.schemas;

import java.util.regex.Pattern;

/**
 * How column names are compared wherever a header meets the alias mapping (the normalizer reading a
 * run, the writer checking an administrator's alias): lower case, letters and digits only, so
 * "Teacher Email", "teacher_email" and "TeacherEmail" are one name. And how a name is written into a
 * command an operator can paste.
 */
public final class ColumnNames {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.,:/@%+=-]+");

    private ColumnNames() {
    }

    /** Lower case, letters and digits only. */
    public static String normalize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = Character.toLowerCase(name.charAt(i));
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A word as a POSIX shell reads it: bare when it can be, else single-quoted. */
    public static String shellWord(String s) {
        return BARE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
