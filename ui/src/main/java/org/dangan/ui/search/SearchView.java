package org.dangan.ui.search;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dangan.ui.document.DocumentView;
import org.dangan.ui.support.DatePickers;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Resident;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.search.SearchResult;

/**
 * Search of scanned documents: a query (words, "phrases", AND/OR/NOT), filters, facet counts that
 * narrow with a click, hits with the matches highlighted; a hit opens the document at its page.
 */
@Route("search")
@RolesAllowed({"SEARCHER", "ARCHIVIST", "SUPERVISOR"})
public class SearchView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 20;

    private final Search search;
    private final Records records;
    /** Institution names by code: hits and facets name institutions, the index keeps their codes. */
    private final Map<String, String> institutionNames;

    final TextField query = new TextField();
    final Select<DocumentType> type = new Select<>();
    final ComboBox<Institution> institution = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Select<String> sort = new Select<>();
    private final Span total = new Span();
    private final Div facets = new Div();
    private final VerticalLayout hits = new VerticalLayout();
    private final HorizontalLayout pager = new HorizontalLayout();
    private int page;
    private Map<String, String> names = Map.of();

    public SearchView(Search search, Institutions institutions, Records records) {
        this.search = search;
        this.records = records;
        institutionNames = institutions.currentScope().institutions().stream()
                .collect(Collectors.toMap(Institution::getCode, Institution::getName, (x, y) -> x));
        query.setId("search-q");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setWidth("32em");
        query.setClearButtonVisible(true);
        query.setMaxLength(Search.MAX_QUERY_LENGTH);
        type.setId("search-type");
        type.setLabel(getTranslation("search.type"));
        type.setItems(DocumentType.values());
        type.setEmptySelectionAllowed(true);
        type.setItemLabelGenerator(
                t -> t == null ? getTranslation("search.any") : getTranslation("documentType." + t.name()));
        institution.setId("search-institution");
        institution.setLabel(getTranslation("search.institution"));
        institution.setItems(institutions.currentScope().institutions());
        institution.setItemLabelGenerator(Institution::getName);
        institution.setClearButtonVisible(true);
        DatePickers.translated(from);
        DatePickers.translated(to);
        from.setId("search-from");
        from.setLabel(getTranslation("search.from"));
        to.setId("search-to");
        to.setLabel(getTranslation("search.to"));
        sort.setId("search-sort");
        sort.setLabel(getTranslation("search.sortLabel"));
        sort.setItems("relevance", "date", "record");
        sort.setItemLabelGenerator(s -> getTranslation("search.sort." + s));
        sort.setValue("relevance");
        Button go = new Button(getTranslation("search.go"), e -> run(0));
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(Key.ENTER);
        total.setId("search-total");
        facets.setId("search-facets");
        hits.setId("search-hits");
        hits.setPadding(false);
        HorizontalLayout bar = Rows.wrapping(query, go);
        HorizontalLayout filters = Rows.wrapping(type, institution, from, to, sort);
        Span help = new Span(getTranslation("search.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(new H2(getTranslation("search.title")), bar, help, filters, total, facets, hits, pager);
    }

    /** Runs the search for the given page of hits (from 0). */
    void run(int page) {
        this.page = page;
        SearchResult result;
        try {
            result = search.search(new Search.Query(
                    query.getValue(),
                    type.getValue() == null ? null : type.getValue().name(),
                    institution.getValue() == null
                            ? null
                            : institution.getValue().getCode(),
                    null,
                    from.getValue(),
                    to.getValue(),
                    sort.getValue(),
                    page,
                    PAGE_SIZE));
        } catch (IllegalArgumentException | Refused e) {
            // the refusal stays on the page in place of the results it replaces: an earlier "no
            // hits" beside it read as the answer to this query
            total.setText(Refusals.show(e));
            facets.removeAll();
            hits.removeAll();
            pager.removeAll();
            return;
        }
        total.setText(
                result.total() == 0 ? getTranslation("search.none") : getTranslation("search.total", result.total()));
        names = records.namesOf(
                result.hits().stream().map(SearchResult.Hit::recordNumber).toList());
        showFacets(result.facets());
        hits.removeAll();
        int n = 0;
        for (SearchResult.Hit hit : result.hits()) {
            hits.add(hit(hit, n++));
        }
        pager.removeAll();
        Rows.wrap(pager);
        if (page > 0) {
            Button previous = new Button(getTranslation("search.previous"), e -> run(this.page - 1));
            previous.setId("search-previous");
            pager.add(previous);
        }
        if ((long) (page + 1) * PAGE_SIZE < result.total()) {
            Button next = new Button(getTranslation("search.next"), e -> run(this.page + 1));
            next.setId("search-next");
            pager.add(next);
        }
    }

    private Div hit(SearchResult.Hit hit, int n) {
        RouterLink open = new RouterLink(
                getTranslation("documentType." + hit.documentType()) + " · " + Resident.label(names, hit.recordNumber())
                        + " · " + getTranslation("document.page", hit.page()),
                DocumentView.class,
                hit.documentId());
        open.setQueryParameters(QueryParameters.simple(
                Map.of("page", Integer.toString(hit.page()), "q", query.getValue() == null ? "" : query.getValue())));
        open.setId("search-hit-" + n);
        Span meta = new Span(institutionNames.getOrDefault(hit.institution(), hit.institution()) + " · "
                + ChinaTime.day(hit.date()));
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-left", "var(--lumo-space-m)");
        // the snippet is HTML-escaped by the index; only its <em> marks are markup
        // a restricted document shows no text here: it is read in the viewer, with a stated purpose
        Html snippet = hit.snippet() == null
                ? new Html(
                        "<div class=\"search-snippet\"><i>" + getTranslation("search.restrictedSnippet") + "</i></div>")
                : new Html("<div class=\"search-snippet\">"
                        + hit.snippet().replace("<em>", "<mark>").replace("</em>", "</mark>") + "</div>");
        Div block = new Div(new Div(open, meta), snippet);
        block.getStyle()
                .set("padding", "var(--lumo-space-s) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return block;
    }

    private void showFacets(Map<String, Map<String, Long>> counts) {
        facets.removeAll();
        HorizontalLayout byType = new HorizontalLayout(new H4(getTranslation("search.type")));
        byType.setId("search-facet-type");
        counts.getOrDefault("documentType", Map.of()).forEach((t, c) -> {
            Button b = new Button(getTranslation("documentType." + t) + " (" + c + ")", e -> {
                type.setValue(DocumentType.valueOf(t));
                run(0);
            });
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            byType.add(b);
        });
        HorizontalLayout byInstitution = new HorizontalLayout(new H4(getTranslation("search.institution")));
        byInstitution.setId("search-facet-institution");
        counts.getOrDefault("institution", Map.of()).forEach((code, c) -> {
            Button b = new Button(institutionNames.getOrDefault(code, code) + " (" + c + ")", e -> {
                institution
                        .getListDataView()
                        .getItems()
                        .filter(i -> i.getCode().equals(code))
                        .findFirst()
                        .ifPresent(institution::setValue);
                run(0);
            });
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            byInstitution.add(b);
        });
        byType.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        byInstitution.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        facets.add(Rows.wrap(byType), Rows.wrap(byInstitution));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title");
    }

    /** What each hit shows: its heading and its snippet's markup (for the tests). */
    List<String> hitTexts() {
        return hits.getChildren()
                .map(c -> c.getElement().getTextRecursively() + " "
                        + c.getChildren()
                                .filter(Html.class::isInstance)
                                .map(h -> ((Html) h).getInnerHtml())
                                .findFirst()
                                .orElse(""))
                .toList();
    }
}
