package org.dangan.ui.search;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The search screen, a hit opened with its matches marked, and the index's administration. */
class SearchViewsTest extends KaribuTest {

    @Autowired
    ArchivedDocuments archived;

    @Autowired
    SearchIndex index;

    Fixtures.County county;
    long ecg;
    long other;

    @BeforeEach
    void world() {
        county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        ecg = archived.archive(record, DocumentType.AUX_EXAM_REPORT, "心电图检查报告单\n窦性心律 未见明显异常");
        other = archived.archive(fixtures.record(county.b(), 2), DocumentType.AUX_EXAM_REPORT, "心电图检查报告单\n窦性心律");
        index.drain();
    }

    @Test
    void a_searcher_finds_a_report_with_counts_and_marked_snippets_and_opens_it_at_the_page() {
        login(county.user("searcher-a"));
        UI.getCurrent().navigate(SearchView.class);
        _get(TextField.class, spec -> spec.withId("search-q")).setValue("窦性心律");
        _click(_get(Button.class, spec -> spec.withId("search-go")));
        assertThat(_get(Span.class, spec -> spec.withId("search-total")).getText())
                .isEqualTo("共 1 页命中");
        RouterLink hit = _get(RouterLink.class, spec -> spec.withId("search-hit-0"));
        assertThat(hit.getHref()).startsWith("document/" + ecg).contains("page=1");
        assertThat(_find(RouterLink.class, spec -> spec.withId("search-hit-1"))).isEmpty(); // not the other township's
        assertThat(_get(SearchView.class).hitTexts()).singleElement().asString().contains("窦性心律");
        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("search-facet-type"))
                        .getElement()
                        .getTextRecursively())
                .contains("辅助检查报告单 (1)");

        UI.getCurrent().navigate("document/" + ecg, QueryParameters.simple(Map.of("page", "1", "q", "窦性心律")));
        Html marked = _get(Html.class, spec -> spec.withId("page-marked-1"));
        assertThat(marked.getInnerHtml()).contains("<mark>窦性心律</mark>");
        assertThat(_find(VerticalLayout.class, spec -> spec.withId("page-1"))).hasSize(1);
    }

    @Test
    void a_refused_query_replaces_the_results_with_its_reason() {
        login(county.user("searcher-a"));
        UI.getCurrent().navigate(SearchView.class);
        TextField q = _get(TextField.class, spec -> spec.withId("search-q"));
        assertThat(q.getMaxLength()).isEqualTo(Search.MAX_QUERY_LENGTH);
        q.setValue("窦性心律");
        _click(_get(Button.class, spec -> spec.withId("search-go")));
        assertThat(_get(SearchView.class).hitTexts()).hasSize(1);
        q.setValue("(窦性心律");
        _click(_get(Button.class, spec -> spec.withId("search-go")));
        assertThat(_get(Span.class, spec -> spec.withId("search-total")).getText())
                .isEqualTo("检索式中有未闭合的括号");
        assertThat(_get(SearchView.class).hitTexts()).isEmpty();
        assertThat(_find(HorizontalLayout.class, spec -> spec.withId("search-facet-type")))
                .isEmpty();
    }

    @Test
    void an_administrator_rebuilds_the_index_and_follows_its_progress() {
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
        login(county.user("admin"));
        UI.getCurrent().navigate(SearchIndexView.class);
        SearchIndexView view = _get(SearchIndexView.class);
        long before = index.status().pages();
        assertThat(before).isGreaterThanOrEqualTo(2);
        _click(_get(Button.class, spec -> spec.withId("search-index-rebuild")));
        await().atMost(Duration.ofMinutes(1)).until(() -> !index.status().rebuilding());
        view.refresh();
        assertThat(_get(Span.class, spec -> spec.withId("search-index-pages")).getText())
                .isEqualTo(Long.toString(before));
        assertThat(_get(Button.class, spec -> spec.withId("search-index-rebuild"))
                        .isEnabled())
                .isTrue();
    }
}
