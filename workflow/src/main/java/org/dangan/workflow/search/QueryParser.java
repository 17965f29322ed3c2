package org.dangan.workflow.search;

import java.util.ArrayList;
import java.util.List;
import org.dangan.workflow.platform.Refused;

/**
 * Parses the query language of the search box: words and "quoted phrases"; AND, OR, NOT (also
 * 与/且, 或, 非 and a leading minus); parentheses. Words side by side mean AND. Chinese needs no
 * spaces around a term, only around the operators: 高血压 AND NOT 糖尿病. A query that cannot be
 * read is refused with where it went wrong, never guessed at.
 *
 * <p>A query is bounded before either backend sees it: parentheses and negations nest at most
 * {@value #MAX_DEPTH} deep (each level is a call here and a nested boolean query there, so thousands
 * of them overflowed the stack), and it holds at most {@value #MAX_TERMS} terms (each term becomes
 * up to three clauses, text, name and record number, well under Lucene's and Elasticsearch's 1,024).
 */
final class QueryParser {

    static final int MAX_DEPTH = 20;
    static final int MAX_TERMS = 64;

    private final List<String> tokens;
    private int at;
    private int depth;
    private int terms;

    private QueryParser(List<String> tokens) {
        this.tokens = tokens;
    }

    static QueryExpr parse(String query) {
        if (query == null || query.isBlank()) {
            return new QueryExpr.All();
        }
        // one long word is one term to the parser but thousands of tokens to the analyser, and a
        // term over Lucene's limit failed as a generic bad request (issue 21's attack, 10 KB)
        if (query.length() > Search.MAX_QUERY_LENGTH) {
            throw Refused.invalid("search.query.tooLong", Search.MAX_QUERY_LENGTH);
        }
        QueryParser parser = new QueryParser(tokenize(query));
        QueryExpr expr = parser.or();
        if (parser.at < parser.tokens.size()) {
            throw Refused.invalid("search.query.unexpected", parser.at + 1);
        }
        return expr;
    }

    private QueryExpr or() {
        List<QueryExpr> parts = new ArrayList<>(List.of(and()));
        while (is("OR", "或", "||")) {
            at++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new QueryExpr.Or(parts);
    }

    private QueryExpr and() {
        List<QueryExpr> parts = new ArrayList<>(List.of(not()));
        while (at < tokens.size() && !is("OR", "或", "||") && !is(")")) {
            if (is("AND", "与", "且", "&&")) {
                at++;
            }
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new QueryExpr.And(parts);
    }

    private QueryExpr not() {
        if (is("NOT", "非", "-")) {
            at++;
            deeper();
            QueryExpr negated = not();
            depth--;
            return new QueryExpr.Not(negated);
        }
        return primary();
    }

    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw Refused.invalid("search.query.tooDeep", MAX_DEPTH);
        }
    }

    private QueryExpr primary() {
        if (at >= tokens.size()) {
            throw Refused.invalid("search.query.endsEarly");
        }
        String token = tokens.get(at++);
        if (token.equals("(")) {
            deeper();
            QueryExpr inner = or();
            if (!is(")")) {
                throw Refused.invalid("search.query.parenthesis");
            }
            at++;
            depth--;
            return inner;
        }
        if (token.equals(")") || isOperator(token)) {
            throw Refused.invalid("search.query.termExpected", at);
        }
        if (++terms > MAX_TERMS) {
            throw Refused.invalid("search.query.tooManyTerms", MAX_TERMS);
        }
        if (token.startsWith("\"")) {
            String phrase = token.substring(1).strip();
            if (phrase.isEmpty()) {
                throw Refused.invalid("search.query.emptyPhrase", at);
            }
            return new QueryExpr.Text(phrase);
        }
        return new QueryExpr.Text(token);
    }

    private boolean is(String... words) {
        if (at >= tokens.size()) {
            return false;
        }
        for (String w : words) {
            if (tokens.get(at).equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOperator(String token) {
        return List.of("AND", "OR", "NOT", "与", "且", "或", "非", "&&", "||").contains(token);
    }

    /** Words, operators, parentheses and phrases (kept with their opening quote). */
    private static List<String> tokenize(String query) {
        List<String> tokens = new ArrayList<>();
        String q = query.replace('“', '"')
                .replace('”', '"')
                .replace('（', '(')
                .replace('）', ')')
                .replace('\u3000', ' ');
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw Refused.invalid("search.query.phraseOpen", i + 1);
                }
                tokens.add("\"" + q.substring(i + 1, end));
                i = end + 1;
            } else if (c == '-'
                    && (tokens.isEmpty() || i == 0 || Character.isWhitespace(q.charAt(i - 1)) || q.charAt(i - 1) == '(')
                    && i + 1 < q.length()
                    && !Character.isWhitespace(q.charAt(i + 1))) {
                tokens.add("-");
                i++;
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "()\"".indexOf(q.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(q.substring(start, i));
            }
        }
        return tokens;
    }
}
