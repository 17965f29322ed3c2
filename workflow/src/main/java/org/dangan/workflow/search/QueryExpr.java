package org.dangan.workflow.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A searcher's query, parsed: terms and phrases joined by AND, OR and NOT. Both backends translate
 * it the same way: a term or phrase matches where its analysed characters stand together, in the
 * page text or the resident's name, or where it is the record number.
 */
sealed interface QueryExpr {

    /** Matches every page (an empty query: filters alone decide). */
    record All() implements QueryExpr {}

    /** A word or a quoted phrase; both must appear as written, characters side by side. */
    record Text(String text) implements QueryExpr {}

    record And(List<QueryExpr> parts) implements QueryExpr {}

    record Or(List<QueryExpr> parts) implements QueryExpr {}

    record Not(QueryExpr negated) implements QueryExpr {}

    /** The words and phrases the query looks for, not those it excludes: what a page's marks show. */
    default List<String> wordsAskedFor() {
        List<String> words = new ArrayList<>();
        collect(this, words);
        return words;
    }

    private static void collect(QueryExpr expr, List<String> words) {
        if (expr instanceof Text t) {
            words.add(t.text());
        } else if (expr instanceof And and) {
            and.parts().forEach(p -> collect(p, words));
        } else if (expr instanceof Or or) {
            or.parts().forEach(p -> collect(p, words));
        }
    }
}
