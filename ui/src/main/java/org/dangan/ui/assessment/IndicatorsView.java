package org.dangan.ui.assessment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dangan.ui.home.Card;
import org.dangan.ui.home.SvgCharts;
import org.dangan.ui.registry.RecordListView;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.assessment.Figure;
import org.dangan.workflow.assessment.Indicator;
import org.dangan.workflow.assessment.IndicatorComputation;
import org.dangan.workflow.assessment.IndicatorReport;
import org.dangan.workflow.assessment.IndicatorSnapshots;
import org.dangan.workflow.assessment.IndicatorTargets;
import org.dangan.workflow.assessment.IndicatorWorkbook;
import org.dangan.workflow.assessment.Milestones;
import org.dangan.workflow.assessment.Populations;
import org.dangan.workflow.assessment.Rating;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;

/**
 * The assessment's dashboard (notice §4): one level of institutions by the indicators they are
 * assessed on, coloured against the county's targets, ranked, each figure's trend over twelve
 * months, a click down to the level below and, at a township, to the records behind a figure. The
 * figures come from the last stored snapshot; a county or city supervisor may compute again.
 */
@Route("indicators")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
public class IndicatorsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DecimalFormat PERCENT = new DecimalFormat("0.0'%'");

    private final IndicatorSnapshots snapshots;
    private final IndicatorComputation computation;
    private final IndicatorWorkbook workbook;
    private final IndicatorTargets targets;
    private final Populations populations;
    private final Milestones milestones;
    private final IndicatorReport report;
    private final SvgCharts charts;
    private DanganUser user;

    // what the user chose, kept while they move up and down the tree; the selects are built anew each time
    private Indicator ranking = Indicator.DYNAMIC_USE_RATE;
    private Indicator trending = Indicator.DYNAMIC_USE_RATE;
    private String code;
    // read once per showing: the targets that apply, and the institution shown
    private IndicatorSnapshots.Ratings ratings;
    private IndicatorSnapshots.Row shown;

    public IndicatorsView(
            IndicatorSnapshots snapshots,
            IndicatorComputation computation,
            IndicatorWorkbook workbook,
            IndicatorTargets targets,
            Populations populations,
            Milestones milestones,
            IndicatorReport report,
            SvgCharts charts) {
        this.snapshots = snapshots;
        this.computation = computation;
        this.workbook = workbook;
        this.targets = targets;
        this.populations = populations;
        this.milestones = milestones;
        this.report = report;
        this.charts = charts;
        setId("indicators");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getLocation().getQueryParameters().getParameters().getOrDefault("institution", List.of()).stream()
                .findFirst()
                .orElse(null);
        show();
    }

    private void show() {
        removeAll();
        user = CurrentUser.require();
        List<IndicatorSnapshots.Row> level;
        Institution institution;
        try {
            institution = snapshots.institution(code);
            level = snapshots.level(institution.getCode());
        } catch (Refused e) {
            add(new H2(getTranslation("indicators.title")), new Paragraph(Refusals.message(e)));
            return;
        }
        IndicatorSnapshots.Row self = level.get(0);
        shown = self;
        ratings = snapshots.ratings();
        List<IndicatorSnapshots.Row> below = level.subList(1, level.size());

        H2 heading = new H2(getTranslation("indicators.heading", self.name()));
        heading.setId("indicators-heading");
        add(heading, breadcrumb(institution), actions(self));
        if (self.computedAt() == null) {
            Paragraph none = new Paragraph(getTranslation("indicators.none"));
            none.setId("indicators-none");
            add(none);
            addTargets(institution);
            addPopulations(institution);
            return;
        }
        add(figures(self));
        // a phone has no hover: the definitions are one tap away at the foot of the page
        Span hint = new Span(getTranslation("indicators.definitions.hint"));
        hint.setId("indicators-definitions-hint");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(hint);
        if (!below.isEmpty()) {
            add(levelGrid(below));
        }
        if (institution.getType().primaryCare()) {
            add(recordsBehind(self));
        }
        add(keyPopulations(self), trendSection());
        add(new MilestonesSection(
                institution,
                primaryCareBelow(institution),
                milestones,
                snapshots.subtree(institution.getCode()),
                user,
                this::show));
        add(definitions());
        addTargets(institution);
        addPopulations(institution);
    }

    /** A county or city sets the lines for everything below it; a township only reads them. */
    private void addTargets(Institution institution) {
        if (computation.mayCompute(user)
                && institution.getType() != null
                && !institution.getType().primaryCare()) {
            add(new TargetsForm(institution, targets, this::show));
        }
    }

    /** From the reader's own institution down to the one shown: each step a link back up. */
    private Component breadcrumb(Institution shown) {
        HorizontalLayout crumbs = new HorizontalLayout();
        crumbs.setId("indicators-breadcrumb");
        crumbs.setSpacing(true);
        List<Institution> path = new ArrayList<>();
        Institution root = snapshots.institution(null);
        for (Institution step = shown; step != null; ) {
            path.add(0, step);
            if (step.getId().equals(root.getId()) || step.getParentId() == null) {
                break;
            }
            Long parent = step.getParentId();
            step = snapshots.institutionById(parent).orElse(null);
        }
        for (int i = 0; i < path.size(); i++) {
            Institution step = path.get(i);
            if (i < path.size() - 1) {
                crumbs.add(link(step.getName(), step.getCode()), new Span("›"));
            } else {
                crumbs.add(new Span(step.getName()));
            }
        }
        return crumbs;
    }

    private RouterLink link(String text, String institutionCode) {
        RouterLink link = new RouterLink(text, IndicatorsView.class);
        link.setQueryParameters(QueryParameters.simple(Map.of("institution", institutionCode)));
        return link;
    }

    private Component actions(IndicatorSnapshots.Row self) {
        Span computed = new Span(
                self.computedAt() == null
                        ? getTranslation("indicators.computedNever")
                        : getTranslation("indicators.computedAt", ChinaTime.minute(self.computedAt())));
        computed.setId("indicators-computed-at");
        HorizontalLayout row = Rows.wrapping(computed);
        if (computation.mayCompute(user)) {
            Button compute = new Button(
                    getTranslation("indicators.compute"),
                    e -> Attempt.run(() -> {
                        IndicatorComputation.Snapshot s = computation.computeNow();
                        Refusals.done(getTranslation("indicators.computed", s.institutions()));
                        show();
                    }));
            compute.setId("indicators-compute");
            compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            row.add(compute);
        }
        Anchor xlsx = new Anchor(
                new StreamResource(self.fileName("xlsx"), () -> new ByteArrayInputStream(workbookOf(self.code()))),
                getTranslation("indicators.xlsx"));
        xlsx.setId("indicators-xlsx");
        xlsx.getElement().setAttribute("download", true);
        Anchor pdf = new Anchor(
                new StreamResource(self.fileName("pdf"), () -> new ByteArrayInputStream(report.pdf(self.code()))),
                getTranslation("indicators.pdf"));
        pdf.setId("indicators-pdf");
        pdf.getElement().setAttribute("download", true);
        row.add(xlsx, pdf);
        return row;
    }

    private byte[] workbookOf(String institutionCode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(institutionCode, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The institution's own headline figures, each coloured against its target. */
    private Component figures(IndicatorSnapshots.Row self) {
        Div cards = new Div();
        cards.setId("indicators-figures");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        for (Indicator indicator : Indicator.values()) {
            Figure f = self.figure(indicator.key());
            Rating rating = ratings.of(self, indicator.key());
            Div card = Card.figure(
                    "indicator-" + indicator.key(),
                    percent(f.rate()),
                    getTranslation("Indicator." + indicator.name()),
                    rating == Rating.RED);
            card.getElement().setAttribute("title", getTranslation("Indicator." + indicator.name() + ".help"));
            card.add(line(
                    f.denominator() == null || f.denominator() == 0
                            ? getTranslation("indicators.undefined." + indicator.key())
                            : getTranslation("indicators.fraction", count(f.numerator()), count(f.denominator()))));
            card.add(new Div(badge(rating)));
            if (rating == Rating.CHECK) {
                card.add(line(getTranslation("indicators.check." + indicator.key())));
            }
            cards.add(card);
        }
        cards.add(Card.figure(
                "indicator-reviewBacklog",
                count(self.figure("reviewBacklog").numerator()),
                getTranslation("indicators.column.reviewBacklog"),
                false));
        cards.add(Card.figure(
                "indicator-overdueCheckouts",
                count(self.figure("overdueCheckouts").numerator()),
                getTranslation("indicators.column.overdueCheckouts"),
                self.figure("overdueCheckouts").numerator() > 0));
        cards.add(stocktakeCard(self));
        return cards;
    }

    /** Custody's count of the shelves: when the store was last counted, and what that count missed. */
    private Div stocktakeCard(IndicatorSnapshots.Row self) {
        LocalDate last = self.lastStocktake();
        Figure missing = self.figure("stocktakeMissing");
        Div card = Card.figure(
                "indicator-lastStocktake",
                last == null ? getTranslation("indicators.stocktake.never") : ChinaTime.day(last),
                getTranslation(
                        last == null || self.type() != null && self.type().primaryCare()
                                ? "indicators.column.lastStocktake"
                                : "indicators.stocktake.oldest"),
                missing.numerator() > 0);
        if (missing.denominator() != null) {
            card.add(line(getTranslation(
                    "indicators.stocktake.missing", count(missing.numerator()), count(missing.denominator()))));
        }
        return card;
    }

    /** A line of a card under its label: each on its own line, so a label never runs into a number. */
    private static Span line(String text) {
        Span line = new Span(text);
        line.getStyle().set("display", "block");
        return line;
    }

    /** The level below: one row per institution, ranked by the chosen indicator; a click goes down. */
    private Component levelGrid(List<IndicatorSnapshots.Row> below) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        H3 title = new H3(getTranslation("indicators.level"));
        Select<Indicator> rankBy = new Select<>();
        rankBy.setId("indicators-rank-by");
        rankBy.setLabel(getTranslation("indicators.rankBy"));
        rankBy.setItems(Indicator.values());
        rankBy.setItemLabelGenerator(i -> getTranslation("Indicator." + i.name()));
        rankBy.setValue(ranking);
        Grid<IndicatorSnapshots.Row> grid = new Grid<>();
        grid.setId("indicators-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        List<IndicatorSnapshots.Row> ranked = new ArrayList<>(below);
        // a rate that needs checking is not ranked: 1800 % would otherwise come first
        ranked.sort(Comparator.comparing(this::rankedRate, Comparator.nullsLast(Comparator.reverseOrder())));
        grid.addColumn(r -> rankedRate(r) == null ? "—" : Integer.toString(ranked.indexOf(r) + 1))
                .setHeader(getTranslation("indicators.rank"))
                .setWidth("4em")
                .setFlexGrow(0)
                .setFrozen(true);
        grid.addColumn(IndicatorSnapshots.Row::name)
                .setHeader(getTranslation("indicators.column.name"))
                .setAutoWidth(true)
                .setFrozen(true);
        // the rate ranked by comes first, so a phone shows it without a swipe
        List<Indicator> columns = new ArrayList<>(List.of(Indicator.values()));
        columns.remove(ranking);
        columns.add(0, ranking);
        for (Indicator indicator : columns) {
            Span header = new Span(getTranslation("Indicator." + indicator.name()));
            header.getElement().setAttribute("title", getTranslation("Indicator." + indicator.name() + ".help"));
            grid.addComponentColumn(r -> rated(indicator, r)).setHeader(header).setAutoWidth(true);
            if (indicator == ranking) {
                grid.addColumn(r -> count(r.figure("records").numerator()))
                        .setHeader(getTranslation("indicators.column.records"))
                        .setTextAlign(ColumnTextAlign.END)
                        .setAutoWidth(true);
            }
        }
        grid.setItems(ranked);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                IndicatorsView.class,
                QueryParameters.simple(Map.of("institution", e.getItem().code())))));
        rankBy.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                ranking = e.getValue();
                show();
            }
        });
        section.add(title, rankBy, grid, new Span(getTranslation("indicators.level.help")));
        return section;
    }

    private Double rankedRate(IndicatorSnapshots.Row r) {
        return ratings.rankable(r, ranking.key());
    }

    private Component rated(Indicator indicator, IndicatorSnapshots.Row r) {
        Figure f = r.figure(indicator.key());
        Rating rating = ratings.of(r, indicator.key());
        Span value = coloured(
                new Span(
                        rating == Rating.CHECK
                                ? getTranslation("indicators.rated.check", percent(f.rate()))
                                : percent(f.rate())),
                rating);
        value.getElement().setAttribute("title", getTranslation("Rating." + rating.name()));
        return value;
    }

    /** At the bottom of the tree: links to the records behind the figures, scoped as the record list always is. */
    private Component recordsBehind(IndicatorSnapshots.Row self) {
        VerticalLayout links = new VerticalLayout();
        links.setId("indicators-records");
        links.setPadding(false);
        links.add(new H3(getTranslation("indicators.records")));
        LocalDate since = self.computedOn().minusDays(365);
        RouterLink notServed = new RouterLink(
                getTranslation(
                        "indicators.records.notServed",
                        count(
                                self.figure("dynamicUseRate").denominator() == null
                                        ? 0
                                        : self.figure("dynamicUseRate").denominator()
                                                - self.figure("dynamicUseRate").numerator())),
                RecordListView.class);
        notServed.setId("indicators-records-not-served");
        notServed.setQueryParameters(QueryParameters.simple(
                Map.of("institution", self.code(), "notServedSince", since.toString(), "from", "indicators")));
        RouterLink all = new RouterLink(
                getTranslation(
                        "indicators.records.all", count(self.figure("records").numerator())),
                RecordListView.class);
        all.setId("indicators-records-all");
        all.setQueryParameters(QueryParameters.simple(Map.of("institution", self.code(), "from", "indicators")));
        links.add(notServed, all);
        return links;
    }

    /** Each key population: how many, how many served in the 12 months, and a link to them at a township. */
    private Component keyPopulations(IndicatorSnapshots.Row self) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("indicators-key-populations");
        section.add(new H3(getTranslation("indicators.keyPopulations")));
        Grid<KeyPopulation> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> getTranslation("population." + p.name()))
                .setHeader(getTranslation("indicators.keyPopulation"));
        grid.addColumn(p -> count(
                        self.figure("keyPopulation." + p.name()).denominator() == null
                                ? 0
                                : self.figure("keyPopulation." + p.name()).denominator()))
                .setHeader(getTranslation("indicators.keyPopulation.records"));
        grid.addComponentColumn(p -> {
                    Figure f = self.figure("keyPopulation." + p.name());
                    return coloured(new Span(percent(f.rate())), ratings.of(self, "keyPopulation." + p.name()));
                })
                .setHeader(getTranslation("indicators.keyPopulation.served"));
        if (self.type() != null && self.type().primaryCare()) {
            grid.addComponentColumn(p -> {
                        if (self.figure("keyPopulation." + p.name()).denominator() == null) {
                            return new Span();
                        }
                        RouterLink records =
                                new RouterLink(getTranslation("indicators.keyPopulation.list"), RecordListView.class);
                        records.setId("indicators-key-population-" + p.name());
                        records.setQueryParameters(QueryParameters.simple(
                                Map.of("institution", self.code(), "keyPopulation", p.name(), "from", "indicators")));
                        return records;
                    })
                    .setHeader(getTranslation("indicators.records"));
        }
        grid.setItems(Arrays.stream(KeyPopulation.values())
                .filter(p -> !p.restricted())
                .toList());
        section.add(grid);
        return section;
    }

    private Component trendSection() {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3(getTranslation("indicators.trend")));
        Select<Indicator> trendOf = new Select<>();
        trendOf.setId("indicators-trend-of");
        trendOf.setLabel(getTranslation("indicators.trendOf"));
        trendOf.setItems(Indicator.values());
        trendOf.setItemLabelGenerator(i -> getTranslation("Indicator." + i.name()));
        trendOf.setValue(trending);
        Div trend = new Div();
        trend.setId("indicators-trend");
        // the chart takes the width it was drawn for, not the narrowest its flex row allows
        trend.setWidthFull();
        trend.getStyle().set("max-width", "720px").set("display", "flex");
        trendOf.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                trending = e.getValue();
                drawTrend(trend);
            }
        });
        drawTrend(trend);
        section.add(trendOf, trend);
        return section;
    }

    private void drawTrend(Div trend) {
        Indicator indicator = trending;
        String figure = indicator.key();
        List<IndicatorSnapshots.MonthValue> months = snapshots.trend(code, figure, 12, YearMonth.now(ChinaTime.ZONE));
        List<String> categories = months.stream()
                .map(m -> getTranslation(
                        "indicators.month",
                        Integer.toString(m.month().getYear()),
                        Integer.toString(m.month().getMonthValue())))
                .toList();
        List<Double> values = months.stream()
                .map(m -> m.figure() == null || m.figure().rate() == null
                        ? null
                        : m.figure().rate() * 100)
                .toList();
        String name = getTranslation("Indicator." + indicator.name());
        String svg = charts.percentLines(
                getTranslation("indicators.trend.title", name),
                getTranslation("indicators.trend.description", name),
                getTranslation("indicators.trend.axis"),
                categories,
                List.of(new SvgCharts.Series(name, SvgCharts.NEUTRAL, values)),
                getTranslation("indicators.target"),
                ratings.target(shown, figure).green() * 100);
        trend.removeAll();
        trend.add(Card.chart("indicators-trend-chart", svg));
    }

    private Component definitions() {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (Indicator indicator : Indicator.values()) {
            IndicatorTargets.Target t = ratings.target(shown, indicator.key());
            list.add(new Paragraph(getTranslation(
                    "indicators.definition",
                    getTranslation("Indicator." + indicator.name()),
                    getTranslation("Indicator." + indicator.name() + ".help"),
                    PERCENT.format(t.green() * 100),
                    PERCENT.format(t.amber() * 100))));
        }
        IndicatorTargets.Target kp = ratings.target(shown, "keyPopulation");
        list.add(new Paragraph(getTranslation(
                "indicators.definition",
                getTranslation("targets.keyPopulation"),
                getTranslation("indicators.keyPopulation.help"),
                PERCENT.format(kp.green() * 100),
                PERCENT.format(kp.amber() * 100))));
        Details details = new Details(getTranslation("indicators.definitions"), list);
        details.setId("indicators-definitions");
        return details;
    }

    /** The institutions a work plan is set for: primary care, the one shown and those below it. */
    private List<Institution> primaryCareBelow(Institution shown) {
        return snapshots.institutionsBelow(shown.getCode()).stream()
                .filter(i -> i.getType().primaryCare())
                .toList();
    }

    private void addPopulations(Institution institution) {
        if (populations.mayEnter(user)) {
            add(new PopulationForm(institution, snapshots, populations, this::show));
        }
    }

    private Span badge(Rating rating) {
        return coloured(new Span(getTranslation("Rating." + rating.name())), rating);
    }

    /** Green, amber, red or grey, in colours that keep their text readable (Lumo has no amber badge). */
    static Span coloured(Span span, Rating rating) {
        String[] colours = switch (rating) {
            case GREEN -> new String[] {"#e6f4ea", "#1e6b34"};
            case AMBER -> new String[] {"#fff4d6", "#7a5400"};
            case RED -> new String[] {"#fde7e7", "#a31515"};
            case NONE -> new String[] {"#eeeeee", "#555555"};
            case CHECK -> new String[] {"#f1e6fb", "#5b2a86"};
        };
        span.getStyle()
                .set("background", colours[0])
                .set("color", colours[1])
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "0 0.5em")
                .set("font-weight", "600");
        span.getElement().setAttribute("data-rating", rating.name());
        return span;
    }

    static String percent(Double rate) {
        return rate == null ? "—" : PERCENT.format(rate * 100);
    }

    private static String count(long n) {
        return String.format("%,d", n);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("indicators.title");
    }
}
