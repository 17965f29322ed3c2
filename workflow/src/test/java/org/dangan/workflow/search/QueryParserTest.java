package org.dangan.workflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dangan.workflow.platform.Refused;
import org.junit.jupiter.api.Test;

/** The query language's limits: what either backend would choke on is refused before it gets there. */
class QueryParserTest {

    private static String nested(int levels) {
        return "(".repeat(levels) + "高血压" + ")".repeat(levels);
    }

    private static String ored(int terms) {
        return IntStream.rangeClosed(1, terms).mapToObj(i -> "高血压" + i).collect(Collectors.joining(" OR "));
    }

    private static Refused refusal(String query) {
        return catchThrowableOfType(Refused.class, () -> QueryParser.parse(query));
    }

    private static void refusedNamingTheLimit(String query, String key, int limit) {
        Refused refused = refusal(query);
        assertThat(refused).isNotNull();
        assertThat(refused.kind()).isEqualTo(Refused.Kind.INVALID);
        assertThat(refused.key()).isEqualTo(key);
        assertThat(refused.arguments()).containsExactly(limit);
    }

    @Test
    void the_chinese_operators_the_search_box_suggests_read_as_the_english_ones() {
        assertThat(QueryParser.parse("高血压 非 糖尿病")).isEqualTo(QueryParser.parse("高血压 AND NOT 糖尿病"));
        assertThat(QueryParser.parse("高血压 或 糖尿病")).isEqualTo(QueryParser.parse("高血压 OR 糖尿病"));
    }

    @Test
    void refuses_thousands_of_nested_parentheses_as_too_long_naming_the_limit() {
        refusedNamingTheLimit(nested(3_500), "search.query.tooLong", Search.MAX_QUERY_LENGTH);
    }

    @Test
    void reads_a_query_as_long_as_the_limit_and_refuses_one_character_more() {
        assertThat(QueryParser.parse("报".repeat(Search.MAX_QUERY_LENGTH))).isInstanceOf(QueryExpr.Text.class);
        refusedNamingTheLimit("报".repeat(Search.MAX_QUERY_LENGTH + 1), "search.query.tooLong", Search.MAX_QUERY_LENGTH);
    }

    @Test
    void reads_parentheses_nested_up_to_the_limit_and_refuses_one_more() {
        assertThat(QueryParser.parse(nested(QueryParser.MAX_DEPTH))).isEqualTo(new QueryExpr.Text("高血压"));
        assertThat(refusal(nested(QueryParser.MAX_DEPTH + 1)).key()).isEqualTo("search.query.tooDeep");
    }

    @Test
    void refuses_a_long_chain_of_negations_as_nesting() {
        assertThat(refusal("NOT ".repeat(QueryParser.MAX_DEPTH + 1) + "高血压").key())
                .isEqualTo("search.query.tooDeep");
        assertThat(refusal("-(".repeat(QueryParser.MAX_DEPTH) + "高血压" + ")".repeat(QueryParser.MAX_DEPTH))
                        .key())
                .isEqualTo("search.query.tooDeep");
    }

    @Test
    void refuses_seven_hundred_alternatives_as_too_long_naming_the_limit() {
        refusedNamingTheLimit(ored(700), "search.query.tooLong", Search.MAX_QUERY_LENGTH);
    }

    @Test
    void reads_as_many_terms_as_the_limit_and_refuses_one_more() {
        assertThat(QueryParser.parse(ored(QueryParser.MAX_TERMS)))
                .isInstanceOfSatisfying(
                        QueryExpr.Or.class, or -> assertThat(or.parts()).hasSize(QueryParser.MAX_TERMS));
        assertThat(refusal(ored(QueryParser.MAX_TERMS + 1)).key()).isEqualTo("search.query.tooManyTerms");
        assertThat(refusal("高血压 ".repeat(QueryParser.MAX_TERMS + 1)).key()).isEqualTo("search.query.tooManyTerms");
    }
}
