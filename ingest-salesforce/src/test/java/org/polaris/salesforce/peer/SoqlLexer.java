package org.polaris.salesforce.peer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SOQL text into tokens. Literals are converted to their Java values here
 * (datetime → {@link Instant}, date → {@link LocalDate}, number → {@link BigDecimal})
 * so the parser and the evaluator never look at literal text again.
 */
final class SoqlLexer {

    enum Kind { IDENT, STRING, NUMBER, DATETIME, DATE, SYMBOL, EOF }

    /** One token; {@code value} holds the converted literal for literal kinds. */
    record Token(Kind kind, String text, Object value, int position) {
        boolean isKeyword(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String describe() {
            return kind == Kind.EOF ? "<EOF>" : "'" + text + "'";
        }
    }

    // SOQL datetime literals are unquoted: 2026-01-01T00:00:00Z, ...00.000+00:00, ...00-0500
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter OFFSET_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private final String text;
    private int pos;

    private SoqlLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String soql) {
        return new SoqlLexer(soql).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new Token(Kind.EOF, "", null, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = text.charAt(pos);
        int start = pos;
        if (c == '\'') {
            return string(start);
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return literal(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), null, start);
        }
        for (String symbol : new String[] {"!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ","}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                // <> is SQL's spelling of != and Salesforce accepts both
                return new Token(Kind.SYMBOL, symbol.equals("<>") ? "!=" : symbol, null, start);
            }
        }
        throw SoqlException.malformed("unexpected token: '" + c + "' at column " + (start + 1));
    }

    private static boolean isIdentifierPart(char c) {
        // dots let relationship names (Account.Name) lex as one identifier so the
        // field check can reject them by name instead of failing with a syntax error
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                return new Token(Kind.STRING, text.substring(start, pos), value.toString(), start);
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                if (escaped == '%' || escaped == '_') {
                    // only meaningful to LIKE, which needs to tell \% (a percent sign) from %
                    value.append('\\');
                }
                value.append(unescape(escaped));
            } else {
                value.append(c);
            }
        }
        throw SoqlException.malformed("unterminated string literal starting at column " + (start + 1));
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case '\'', '"', '\\', '%', '_' -> c;
            default -> throw SoqlException.malformed("invalid escape sequence: \\" + c);
        };
    }

    private Token literal(int start) {
        Matcher datetime = DATETIME.matcher(text).region(pos, text.length());
        if (datetime.lookingAt()) {
            pos = datetime.end();
            String lexeme = datetime.group();
            return new Token(Kind.DATETIME, lexeme, parseDateTime(lexeme), start);
        }
        Matcher date = DATE.matcher(text).region(pos, text.length());
        if (date.lookingAt()) {
            pos = date.end();
            String lexeme = date.group();
            try {
                return new Token(Kind.DATE, lexeme, LocalDate.parse(lexeme), start);
            } catch (DateTimeParseException e) {
                throw SoqlException.malformed("invalid date: " + lexeme);
            }
        }
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        number.lookingAt(); // always matches: the caller saw a digit
        pos = number.end();
        return new Token(Kind.NUMBER, number.group(), new BigDecimal(number.group()), start);
    }

    private static Instant parseDateTime(String lexeme) {
        try {
            // +0000 and +00:00 are both legal in SOQL; normalise to the colon form
            String normalised = lexeme.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
            return OffsetDateTime.parse(normalised, OFFSET_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            throw SoqlException.malformed("invalid dateTime: " + lexeme);
        }
    }
}
