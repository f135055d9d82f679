package org.polaris.salesforce.peer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.polaris.salesforce.peer.SoqlLexer.Kind;
import org.polaris.salesforce.peer.SoqlLexer.Token;

/**
 * The SOQL subset the peer answers, parsed by recursive descent:
 *
 * <pre>
 * query     := SELECT (COUNT '(' ')' | field (',' field)*) FROM object
 *              [WHERE condition] [ORDER BY order (',' order)*] [LIMIT n] [OFFSET n]
 * condition := unary (AND unary)* | unary (OR unary)*      -- mixing needs parentheses, as in SOQL
 * unary     := NOT unary | '(' condition ')' | predicate
 * predicate := field op literal | field [NOT] IN '(' literal (',' literal)* ')' | field LIKE 'pattern'
 * order     := field [ASC | DESC] [NULLS (FIRST | LAST)]
 * </pre>
 *
 * Names are kept as written; {@link Query#resolve} maps them to the org's canonical
 * spelling, because SOQL names are case-insensitive but the wire uses API names.
 */
public final class Soql {

    private Soql() {
    }

    public static Query parse(String soql) {
        return new Parser(SoqlLexer.tokenize(soql)).query();
    }

    /** A parsed query. {@code count} is true for {@code SELECT COUNT()}, then {@code fields} is empty. */
    public record Query(String sobject, List<String> fields, boolean count, Condition where,
                        List<Order> orderBy, Integer limit, Integer offset) {

        /** Every field the query mentions, in the order first mentioned. */
        public Set<String> referencedFields() {
            Set<String> names = new LinkedHashSet<>(fields);
            if (where != null) {
                where.collectFields(names);
            }
            orderBy.forEach(o -> names.add(o.field()));
            return names;
        }

        /** The same query with the object and every field name replaced by its canonical spelling. */
        public Query resolve(String canonicalObject, UnaryOperator<String> canonicalField) {
            return new Query(canonicalObject,
                    fields.stream().map(canonicalField).toList(),
                    count,
                    where == null ? null : where.mapFields(canonicalField),
                    orderBy.stream().map(o -> new Order(canonicalField.apply(o.field()), o.descending(), o.nullsFirst())).toList(),
                    limit, offset);
        }
    }

    public record Order(String field, boolean descending, boolean nullsFirst) {
    }

    public enum Op { EQ, NE, LT, LE, GT, GE }

    /**
     * A WHERE condition evaluated against one record, given as a lookup from canonical
     * field name to value ({@code map::get} works; the org passes a view of its row).
     */
    public sealed interface Condition permits Comparison, In, Like, And, Or, Not {
        boolean test(Function<String, Object> record);

        Condition mapFields(UnaryOperator<String> f);

        void collectFields(Set<String> into);
    }

    public record Comparison(String field, Op op, Object value) implements Condition {
        public boolean test(Function<String, Object> record) {
            Object actual = record.apply(field);
            return switch (op) {
                case EQ -> SoqlValues.equal(actual, value);
                case NE -> !SoqlValues.equal(actual, value);
                default -> SoqlValues.ordered(actual, op, value);
            };
        }

        public Condition mapFields(UnaryOperator<String> f) {
            return new Comparison(f.apply(field), op, value);
        }

        public void collectFields(Set<String> into) {
            into.add(field);
        }
    }

    public record In(String field, List<Object> values, boolean negated) implements Condition {
        public boolean test(Function<String, Object> record) {
            Object actual = record.apply(field);
            boolean any = values.stream().anyMatch(v -> SoqlValues.equal(actual, v));
            return negated != any;
        }

        public Condition mapFields(UnaryOperator<String> f) {
            return new In(f.apply(field), values, negated);
        }

        public void collectFields(Set<String> into) {
            into.add(field);
        }
    }

    /**
     * {@code LIKE} with SOQL wildcards {@code %} and {@code _}, case-insensitive like every
     * SOQL string match. A class rather than a record so the compiled pattern (built once,
     * not per record) stays out of equals.
     */
    public static final class Like implements Condition {
        private final String field;
        private final String pattern;
        private final Pattern regex;

        public Like(String field, String pattern) {
            this.field = field;
            this.pattern = pattern;
            this.regex = compile(pattern);
        }

        public String field() {
            return field;
        }

        public String pattern() {
            return pattern;
        }

        private static Pattern compile(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    // the lexer kept \% and \_ escaped: a literal percent sign or underscore
                    regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '%') {
                    regex.append(".*");
                } else if (c == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }

        public boolean test(Function<String, Object> record) {
            return record.apply(field) instanceof String s && regex.matcher(s).matches();
        }

        public Condition mapFields(UnaryOperator<String> f) {
            return new Like(f.apply(field), pattern);
        }

        public void collectFields(Set<String> into) {
            into.add(field);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Like other && field.equals(other.field) && pattern.equals(other.pattern);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(field, pattern);
        }

        @Override
        public String toString() {
            return "Like[field=" + field + ", pattern=" + pattern + "]";
        }
    }

    public record And(List<Condition> terms) implements Condition {
        public boolean test(Function<String, Object> record) {
            return terms.stream().allMatch(t -> t.test(record));
        }

        public Condition mapFields(UnaryOperator<String> f) {
            return new And(terms.stream().map(t -> t.mapFields(f)).toList());
        }

        public void collectFields(Set<String> into) {
            terms.forEach(t -> t.collectFields(into));
        }
    }

    public record Or(List<Condition> terms) implements Condition {
        public boolean test(Function<String, Object> record) {
            return terms.stream().anyMatch(t -> t.test(record));
        }

        public Condition mapFields(UnaryOperator<String> f) {
            return new Or(terms.stream().map(t -> t.mapFields(f)).toList());
        }

        public void collectFields(Set<String> into) {
            terms.forEach(t -> t.collectFields(into));
        }
    }

    public record Not(Condition term) implements Condition {
        public boolean test(Function<String, Object> record) {
            return !term.test(record);
        }

        public Condition mapFields(UnaryOperator<String> f) {
            return new Not(term.mapFields(f));
        }

        public void collectFields(Set<String> into) {
            term.collectFields(into);
        }
    }

    /** Recursive descent over the token list; one method per grammar rule. */
    private static final class Parser {
        private static final Set<String> RESERVED = Set.of(
                "select", "from", "where", "and", "or", "not", "in", "like", "order", "by",
                "limit", "offset", "asc", "desc", "nulls", "first", "last", "null", "true", "false");

        private final List<Token> tokens;
        private int index;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Query query() {
            expectKeyword("SELECT");
            List<String> fields = new ArrayList<>();
            boolean count = false;
            if (peek().isKeyword("COUNT") && tokens.get(index + 1).isSymbol("(")) {
                index++;
                expectSymbol("(");
                expectSymbol(")");
                count = true;
            } else {
                Set<String> seen = new HashSet<>();
                do {
                    String field = identifier("field name");
                    if (!seen.add(field.toLowerCase(Locale.ROOT))) {
                        throw SoqlException.malformed("duplicate field selected: " + field);
                    }
                    fields.add(field);
                } while (acceptSymbol(","));
            }
            expectKeyword("FROM");
            String sobject = identifier("object name");
            Condition where = acceptKeyword("WHERE") ? condition() : null;
            List<Order> orderBy = new ArrayList<>();
            if (acceptKeyword("ORDER")) {
                expectKeyword("BY");
                do {
                    orderBy.add(order());
                } while (acceptSymbol(","));
            }
            Integer limit = acceptKeyword("LIMIT") ? nonNegativeInteger("LIMIT") : null;
            Integer offset = acceptKeyword("OFFSET") ? nonNegativeInteger("OFFSET") : null;
            if (peek().kind() != Kind.EOF) {
                throw unexpected();
            }
            return new Query(sobject, List.copyOf(fields), count, where, List.copyOf(orderBy), limit, offset);
        }

        private Condition condition() {
            Condition first = unary();
            if (!peek().isKeyword("AND") && !peek().isKeyword("OR")) {
                return first;
            }
            String joiner = peek().text().toUpperCase(Locale.ROOT);
            List<Condition> terms = new ArrayList<>(List.of(first));
            while (acceptKeyword(joiner)) {
                terms.add(unary());
            }
            if (peek().isKeyword("AND") || peek().isKeyword("OR")) {
                // Salesforce refuses "a AND b OR c" rather than guessing a precedence
                throw SoqlException.malformed("unexpected token: " + peek().describe()
                        + " (use parentheses when mixing AND and OR)");
            }
            return joiner.equals("AND") ? new And(List.copyOf(terms)) : new Or(List.copyOf(terms));
        }

        private Condition unary() {
            if (acceptKeyword("NOT")) {
                return new Not(unary());
            }
            if (acceptSymbol("(")) {
                Condition inner = condition();
                expectSymbol(")");
                return inner;
            }
            return predicate();
        }

        private Condition predicate() {
            String field = identifier("field name");
            if (acceptKeyword("NOT")) {
                expectKeyword("IN");
                return new In(field, literalList(), true);
            }
            if (acceptKeyword("IN")) {
                return new In(field, literalList(), false);
            }
            if (acceptKeyword("LIKE")) {
                Token pattern = advance();
                if (pattern.kind() != Kind.STRING) {
                    throw unexpected(pattern);
                }
                return new Like(field, (String) pattern.value());
            }
            Token op = advance();
            if (op.kind() != Kind.SYMBOL) {
                throw unexpected(op);
            }
            Op operator = switch (op.text()) {
                case "=" -> Op.EQ;
                case "!=" -> Op.NE;
                case "<" -> Op.LT;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                case ">=" -> Op.GE;
                default -> throw unexpected(op);
            };
            return new Comparison(field, operator, literal());
        }

        private List<Object> literalList() {
            expectSymbol("(");
            List<Object> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (acceptSymbol(","));
            expectSymbol(")");
            // List.copyOf rejects nulls, and IN (null) is legal
            return java.util.Collections.unmodifiableList(values);
        }

        private Object literal() {
            Token t = advance();
            return switch (t.kind()) {
                case STRING, NUMBER, DATETIME, DATE -> t.value();
                case IDENT -> {
                    if (t.isKeyword("null")) {
                        yield null;
                    }
                    if (t.isKeyword("true") || t.isKeyword("false")) {
                        yield Boolean.valueOf(t.text().toLowerCase(Locale.ROOT));
                    }
                    throw unexpected(t);
                }
                default -> throw unexpected(t);
            };
        }

        private Order order() {
            String field = identifier("field name");
            boolean descending = false;
            if (acceptKeyword("DESC")) {
                descending = true;
            } else {
                acceptKeyword("ASC");
            }
            boolean nullsFirst = true; // the SOQL default, whatever the direction
            if (acceptKeyword("NULLS")) {
                if (acceptKeyword("LAST")) {
                    nullsFirst = false;
                } else {
                    expectKeyword("FIRST");
                }
            }
            return new Order(field, descending, nullsFirst);
        }

        private int nonNegativeInteger(String clause) {
            Token t = advance();
            if (t.kind() != Kind.NUMBER || t.text().contains(".") || t.text().startsWith("-")) {
                throw SoqlException.malformed(clause + " must be a non-negative integer, found " + t.describe());
            }
            try {
                return Integer.parseInt(t.text());
            } catch (NumberFormatException e) {
                throw SoqlException.malformed(clause + " is too large: " + t.text());
            }
        }

        private String identifier(String what) {
            Token t = advance();
            if (t.kind() != Kind.IDENT || RESERVED.contains(t.text().toLowerCase(Locale.ROOT))) {
                throw SoqlException.malformed("unexpected token: " + t.describe() + ", expected " + what);
            }
            return t.text();
        }

        private Token peek() {
            return tokens.get(index);
        }

        private Token advance() {
            Token t = tokens.get(index);
            if (t.kind() != Kind.EOF) {
                index++;
            }
            return t;
        }

        private boolean acceptKeyword(String keyword) {
            if (peek().isKeyword(keyword)) {
                index++;
                return true;
            }
            return false;
        }

        private boolean acceptSymbol(String symbol) {
            if (peek().isSymbol(symbol)) {
                index++;
                return true;
            }
            return false;
        }

        private void expectKeyword(String keyword) {
            if (!acceptKeyword(keyword)) {
                throw unexpected();
            }
        }

        private void expectSymbol(String symbol) {
            if (!acceptSymbol(symbol)) {
                throw unexpected();
            }
        }

        private SoqlException unexpected() {
            return unexpected(peek());
        }

        private static SoqlException unexpected(Token t) {
            return SoqlException.malformed("unexpected token: " + t.describe());
        }
    }
}
