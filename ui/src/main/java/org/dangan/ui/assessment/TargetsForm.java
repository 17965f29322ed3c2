package org.dangan.ui.assessment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.text.DecimalFormat;
import java.util.List;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.assessment.Indicator;
import org.dangan.workflow.assessment.IndicatorTargets;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.Refused;

/**
 * The targets a county sets for its institutions: each rate's green and amber lines as they apply
 * at the county, where each comes from, and a form to set one.
 */
class TargetsForm extends Details {

    private static final DecimalFormat PERCENT = new DecimalFormat("0.#'%'");

    TargetsForm(Institution county, IndicatorTargets targets, Runnable saved) {
        setSummaryText(getTranslation("targets.heading"));
        setId("targets-form");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph(getTranslation("targets.help")));
        List<IndicatorTargets.Applied> applied = targets.at(county.getCode());
        Grid<IndicatorTargets.Applied> grid = new Grid<>();
        grid.setId("targets-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(a -> name(a.figure()))
                .setHeader(getTranslation("targets.indicator"))
                .setAutoWidth(true);
        grid.addColumn(a -> PERCENT.format(a.target().green() * 100)).setHeader(getTranslation("targets.green"));
        grid.addColumn(a -> PERCENT.format(a.target().amber() * 100)).setHeader(getTranslation("targets.amber"));
        grid.addColumn(a -> getTranslation(
                        a.setHere()
                                ? "targets.source.here"
                                : a.isDefault() ? "targets.source.default" : "targets.source.above"))
                .setHeader(getTranslation("targets.source"));
        grid.setItems(applied);

        Select<String> figure = new Select<>();
        figure.setId("target-figure");
        figure.setLabel(getTranslation("targets.indicator"));
        figure.setItems(IndicatorTargets.FAMILIES);
        figure.setItemLabelGenerator(this::name);
        NumberField green = new NumberField(getTranslation("targets.green"));
        green.setId("target-green");
        green.setMin(0);
        green.setMax(100);
        NumberField amber = new NumberField(getTranslation("targets.amber"));
        amber.setId("target-amber");
        amber.setMin(0);
        amber.setMax(100);
        figure.addValueChangeListener(e -> applied.stream()
                .filter(a -> a.figure().equals(e.getValue()))
                .findFirst()
                .ifPresent(a -> {
                    green.setValue(a.target().green() * 100);
                    amber.setValue(a.target().amber() * 100);
                }));
        Button save = new Button(
                getTranslation("targets.save"),
                e -> Attempt.run(() -> {
                    if (figure.getValue() == null || green.getValue() == null || amber.getValue() == null) {
                        throw Refused.invalid("target.range");
                    }
                    IndicatorTargets.Applied set = targets.put(
                            county.getCode(), figure.getValue(), green.getValue() / 100, amber.getValue() / 100);
                    Refusals.done(getTranslation(
                            "targets.saved",
                            name(set.figure()),
                            PERCENT.format(set.target().green() * 100),
                            PERCENT.format(set.target().amber() * 100)));
                    saved.run();
                }));
        save.setId("target-save");
        content.add(grid, Rows.wrapping(figure, green, amber, save));
        add(content);
    }

    private String name(String figure) {
        for (Indicator i : Indicator.values()) {
            if (i.key().equals(figure)) {
                return getTranslation("Indicator." + i.name());
            }
        }
        return getTranslation("targets.keyPopulation");
    }
}
