package org.dangan.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordQuery;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.RecordSummary;
import org.dangan.workflow.registry.Records;

/**
 * The record list: filters above a grid that fetches only the rows on screen, so it opens as fast
 * at a million records as at a thousand. Scope and masking are the service's business.
 */
@Route("records")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "ADMIN"})
public class RecordListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int COUNT_LIMIT = 10_000;

    final TextField search = new TextField();
    final ComboBox<Institution> institution = new ComboBox<>();
    final Select<RecordStatus> status = new Select<>();
    final Select<KeyPopulation> keyPopulation = new Select<>();
    final Grid<RecordSummary> grid = new Grid<>();
    final Span total = new Span();
    /** Set from a dashboard's link: managed records without a service since that day. */
    final Span notServed = new Span();
    /** Takes the dashboard's condition off again: the list then shows every record the other filters allow. */
    final Button clearNotServed = new Button("×");
    /** Back to the figure the list was opened from, when it was. */
    final Anchor back = new Anchor();

    private LocalDate notServedSince;
    /** The parameters the page was opened with: what the link from a dashboard asked for. */
    private Map<String, List<String>> linked = Map.of();
    /** Said when a link names an institution the reader may not see, instead of quietly listing their own. */
    final Span outside = new Span();

    private final Records records;

    public RecordListView(Records records, Institutions institutions) {
        this.records = records;
        setSizeFull();

        search.setId("record-search");
        search.setPlaceholder(getTranslation("records.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");

        institution.setId("record-institution");
        institution.setPlaceholder(getTranslation("records.filter.institution"));
        institution.setItems(institutions.currentScope().institutions());
        institution.setItemLabelGenerator(Institution::getName);
        institution.setClearButtonVisible(true);

        enumFilter(status, "record-status", "records.filter.status", RecordStatus.values(), "status.");
        enumFilter(
                keyPopulation,
                "record-key-population",
                "records.filter.keyPopulation",
                records.keyPopulationsShown().toArray(KeyPopulation[]::new),
                "population.");

        grid.setId("record-grid");
        grid.setEmptyStateText(getTranslation("records.none"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(RecordSummary::recordNumber)
                .setHeader(getTranslation("record.recordNumber"))
                .setAutoWidth(true);
        grid.addColumn(RecordSummary::name)
                .setHeader(getTranslation("record.name"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.gender() == null
                        ? ""
                        : getTranslation("gender." + r.gender().name()))
                .setHeader(getTranslation("record.gender"));
        grid.addColumn(RecordSummary::birthDate).setHeader(getTranslation("record.birthDate"));
        grid.addColumn(RecordSummary::idNumber)
                .setHeader(getTranslation("record.idNumber"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.keyPopulations().stream()
                        .map(p -> getTranslation("population." + p.name()))
                        .collect(Collectors.joining("、")))
                .setHeader(getTranslation("record.keyPopulations"));
        grid.addColumn(r -> getTranslation("status." + r.status().name())).setHeader(getTranslation("record.status"));
        grid.addColumn(RecordSummary::institutionName)
                .setHeader(getTranslation("record.institution"))
                .setAutoWidth(true);
        grid.addColumn(RecordSummary::lastServiceDate).setHeader(getTranslation("record.lastServiceDate"));
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(RecordDetailView.class, e.getItem().recordNumber())));
        grid.setSizeFull();

        search.addValueChangeListener(e -> refresh());
        institution.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        keyPopulation.addValueChangeListener(e -> refresh());

        total.setId("record-total");
        notServed.setId("record-not-served");
        notServed.getElement().getThemeList().add("badge");
        notServed.setVisible(false);
        clearNotServed.setId("record-not-served-clear");
        clearNotServed.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        clearNotServed.getElement().setAttribute("aria-label", getTranslation("records.filter.notServedSince.clear"));
        clearNotServed.getElement().setAttribute("title", getTranslation("records.filter.notServedSince.clear"));
        clearNotServed.setVisible(false);
        // the address drops the condition too, so a reload or a bookmark shows what the screen shows
        clearNotServed.addClickListener(e -> getUI().ifPresent(ui -> {
            Map<String, List<String>> rest = new HashMap<>(linked);
            rest.remove("notServedSince");
            notServedSince = null;
            ui.navigate(RecordListView.class, new QueryParameters(rest));
        }));
        back.setId("record-back");
        back.setText(getTranslation("records.backToIndicators"));
        back.setVisible(false);
        HorizontalLayout filters =
                Rows.wrapping(search, institution, status, keyPopulation, notServed, clearNotServed, total);
        outside.setId("record-institution-outside");
        outside.getElement().getThemeList().add("badge contrast");
        outside.setVisible(false);
        add(back, outside, filters, grid);
        refresh();
    }

    /** A filter over an enum whose empty choice means "all"; labels come from {@code labelPrefix + name}. */
    private <E extends Enum<E>> void enumFilter(
            Select<E> select, String id, String placeholderKey, E[] values, String labelPrefix) {
        select.setId(id);
        select.setPlaceholder(getTranslation(placeholderKey));
        select.setEmptySelectionAllowed(true);
        // the empty choice hides the placeholder: it names its filter itself ("状态：全部")
        String all = getTranslation("records.filter.allOf", getTranslation(placeholderKey));
        select.setEmptySelectionCaption(all);
        select.setItems(values);
        select.setItemLabelGenerator(v -> v == null ? all : getTranslation(labelPrefix + v.name()));
    }

    RecordQuery query() {
        return new RecordQuery(
                search.getValue(),
                institution.getValue() == null ? null : institution.getValue().getCode(),
                status.getValue(),
                keyPopulation.getValue(),
                notServedSince);
    }

    /**
     * A link from the assessment's dashboard opens the records behind a figure:
     * {@code ?institution=<code>&keyPopulation=<name>&notServedSince=<day>}. Values the user could
     * not choose here (an institution outside their scope, a hidden tag, a bad day) are ignored.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        linked = parameters;
        backLink(parameters);
        notServedSince = null;
        notServed.setVisible(false);
        clearNotServed.setVisible(false);
        outside.setVisible(false);
        first(parameters, "institution")
                .ifPresent(code -> institution
                        .getListDataView()
                        .getItems()
                        .filter(i -> i.getCode().equals(code))
                        .findFirst()
                        .ifPresentOrElse(institution::setValue, () -> {
                            outside.setText(getTranslation("records.filter.institutionOutside", code));
                            outside.setVisible(true);
                        }));
        first(parameters, "keyPopulation")
                .flatMap(name -> keyPopulation
                        .getListDataView()
                        .getItems()
                        .filter(p -> p.name().equals(name))
                        .findFirst())
                .ifPresent(keyPopulation::setValue);
        first(parameters, "notServedSince").ifPresent(day -> {
            try {
                notServedSince = LocalDate.parse(day);
                notServed.setText(getTranslation("records.filter.notServedSince", day));
                notServed.setVisible(true);
                clearNotServed.setVisible(true);
            } catch (DateTimeParseException e) {
                // a mangled link shows the unfiltered list rather than an error page
            }
        });
        refresh();
    }

    /** The dashboard's way back, to the institution the figure was of; only to our own page. */
    private void backLink(Map<String, List<String>> parameters) {
        if (first(parameters, "from").filter("indicators"::equals).isEmpty()) {
            return;
        }
        String href = first(parameters, "institution")
                .filter(code -> code.matches("[0-9A-Za-z-]{1,40}"))
                .map(code -> "indicators?institution=" + code)
                .orElse("indicators");
        back.setHref(href);
        back.setVisible(true);
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().findFirst();
    }

    private void refresh() {
        RecordQuery query = query();
        long counted;
        try {
            counted = records.countUpTo(query, COUNT_LIMIT + 1);
        } catch (Refused e) {
            grid.setItems(List.of());
            total.setText(Refusals.message(e));
            return;
        }
        // no count for the grid: it scrolls on as long as rows come back
        grid.setItems(q -> records.fetch(query, q.getOffset(), q.getLimit()).stream());
        total.setText(
                counted > COUNT_LIMIT
                        ? getTranslation("records.total.many", COUNT_LIMIT)
                        : getTranslation("records.total", counted));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.records");
    }
}
