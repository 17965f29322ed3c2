package org.dangan.ui.assessment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.DatePickers;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.assessment.Figure;
import org.dangan.workflow.assessment.IndicatorSnapshots;
import org.dangan.workflow.assessment.Milestone;
import org.dangan.workflow.assessment.Milestones;
import org.dangan.workflow.assessment.Rating;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.DanganUser;

/**
 * The county's work plan on the dashboard: each milestone of the institution and those below it
 * with its day and state; a county supervisor sets a day, moves it, or marks a milestone reached.
 */
class MilestonesSection extends VerticalLayout {

    MilestonesSection(
            Institution shown,
            List<Institution> primaryCare,
            Milestones milestones,
            List<IndicatorSnapshots.Row> figures,
            DanganUser user,
            Runnable changed) {
        Map<String, IndicatorSnapshots.Row> byCode =
                figures.stream().collect(Collectors.toMap(IndicatorSnapshots.Row::code, r -> r, (a, b) -> a));
        setPadding(false);
        setId("milestones");
        add(new H3(getTranslation("milestones.heading")));
        add(new Paragraph(getTranslation("milestones.help")));
        boolean mayChange = milestones.maySet(user);
        Grid<Milestones.View> grid = new Grid<>();
        grid.setId("milestones-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("milestones.none"));
        grid.addColumn(Milestones.View::institutionName)
                .setHeader(getTranslation("indicators.column.name"))
                .setAutoWidth(true);
        grid.addColumn(m -> getTranslation("MilestoneKind." + m.kind().name()))
                .setHeader(getTranslation("milestones.kind"));
        grid.addColumn(m -> ChinaTime.day(m.dueOn())).setHeader(getTranslation("milestones.dueOn"));
        grid.addColumn(m -> progress(byCode, m))
                .setHeader(getTranslation("milestones.progress"))
                .setAutoWidth(true);
        grid.addComponentColumn(m -> IndicatorsView.coloured(
                        new Span(
                                m.markedByHand()
                                        ? getTranslation("milestones.markedByHand")
                                        : getTranslation(
                                                "MilestoneState." + m.state().name())),
                        rating(m.state())))
                .setHeader(getTranslation("milestones.state"))
                .setKey("state");
        grid.addColumn(m -> m.reachedOn() == null ? "" : ChinaTime.day(m.reachedOn()))
                .setHeader(getTranslation("milestones.reachedOn"));
        grid.addColumn(m -> m.handledNote() == null ? "" : m.handledNote())
                .setHeader(getTranslation("milestones.note"))
                .setFlexGrow(2);
        if (mayChange) {
            grid.addComponentColumn(m -> {
                        if (m.state() == Milestone.State.REACHED) {
                            return new Span();
                        }
                        Button reached = new Button(
                                getTranslation("milestones.markReached"),
                                e -> Confirm.ask(
                                        "milestone-reached-dialog",
                                        getTranslation("milestones.markReached"),
                                        getTranslation(
                                                "milestones.markReached.consequence",
                                                m.institutionName(),
                                                getTranslation("MilestoneKind."
                                                        + m.kind().name()),
                                                getTranslation("Indicator."
                                                        + m.kind().measuredBy().name()),
                                                progress(byCode, m)),
                                        getTranslation("milestones.markReached"),
                                        () -> Attempt.run(() -> {
                                            milestones.markReached(m.id());
                                            Refusals.done(getTranslation("milestones.reached", m.institutionName()));
                                            changed.run();
                                        })));
                        reached.setId("milestone-reached-" + m.id());
                        return reached;
                    })
                    .setKey("reached")
                    .setAutoWidth(true)
                    // the button stays in sight while a phone swipes through the other columns
                    .setFrozenToEnd(true);
        }
        grid.setItems(milestones.of(shown.getCode()));
        add(grid);
        if (mayChange && !primaryCare.isEmpty()) {
            add(form(primaryCare, milestones, changed));
        }
    }

    private Component form(List<Institution> primaryCare, Milestones milestones, Runnable changed) {
        ComboBox<Institution> institution = new ComboBox<>(getTranslation("population.institution"));
        institution.setId("milestone-institution");
        institution.setItems(primaryCare);
        institution.setItemLabelGenerator(Institution::getName);
        Select<Milestone.Kind> kind = new Select<>();
        kind.setId("milestone-kind");
        kind.setLabel(getTranslation("milestones.kind"));
        kind.setItems(Milestone.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("MilestoneKind." + k.name()));
        DatePicker day = DatePickers.translated(new DatePicker(getTranslation("milestones.dueOn")));
        day.setId("milestone-day");
        day.setMin(LocalDate.now(ChinaTime.ZONE));
        Button save = new Button(
                getTranslation("milestones.set"),
                e -> Attempt.run(() -> {
                    if (institution.getValue() == null) {
                        throw Refused.invalid("population.incomplete");
                    }
                    Milestones.View set =
                            milestones.set(institution.getValue().getCode(), kind.getValue(), day.getValue());
                    Refusals.done(getTranslation(
                            "milestones.saved",
                            set.institutionName(),
                            getTranslation("MilestoneKind." + set.kind().name()),
                            ChinaTime.day(set.dueOn())));
                    changed.run();
                }));
        save.setId("milestone-save");
        return Rows.wrapping(institution, kind, day, save);
    }

    /** The milestone's indicator in the latest computation: "12.5%（150 / 1,200）", or a dash. */
    private String progress(Map<String, IndicatorSnapshots.Row> byCode, Milestones.View m) {
        IndicatorSnapshots.Row row = byCode.get(m.institutionCode());
        Figure f = row == null ? Figure.NONE : row.figure(m.kind().measuredBy().key());
        if (f.rate() == null) {
            return "—";
        }
        return getTranslation(
                "milestones.progress.value",
                IndicatorsView.percent(f.rate()),
                String.format("%,d", f.numerator()),
                String.format("%,d", f.denominator()));
    }

    private static Rating rating(Milestone.State state) {
        return switch (state) {
            case REACHED -> Rating.GREEN;
            case OPEN -> Rating.AMBER;
            case OVERDUE -> Rating.RED;
        };
    }
}
