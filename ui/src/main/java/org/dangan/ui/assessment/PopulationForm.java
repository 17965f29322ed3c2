package org.dangan.ui.assessment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.assessment.IndicatorSnapshots;
import org.dangan.workflow.assessment.Populations;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;

/**
 * The resident population the record rate divides by: a county supervisor enters it per
 * institution and year (from the statistics bureau's figures); the list shows what is entered.
 */
class PopulationForm extends Details {

    PopulationForm(Institution shown, IndicatorSnapshots snapshots, Populations populations, Runnable saved) {
        setSummaryText(getTranslation("population.heading"));
        setId("population-form");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Paragraph(getTranslation("population.help")));

        ComboBox<Institution> institution = new ComboBox<>(getTranslation("population.institution"));
        institution.setId("population-institution");
        institution.setItems(snapshots.institutionsBelow(shown.getCode()));
        institution.setItemLabelGenerator(Institution::getName);
        // chosen by hand: a default of the county itself was saved as the county's own population
        institution.setPlaceholder(getTranslation("population.institution"));
        IntegerField year = new IntegerField(getTranslation("population.year.label"));
        year.setId("population-year");
        year.setValue(LocalDate.now(ChinaTime.ZONE).getYear());
        year.setMin(2000);
        year.setMax(2100);
        // text, not an integer field: that one drops a typed "." and saves 1900.5 as 19005
        TextField population = new TextField(getTranslation("population.label"));
        population.setId("population-value");
        population.setAllowedCharPattern("[0-9.,，]");
        population.getElement().setAttribute("inputmode", "numeric");

        Grid<Populations.Entry> entered = new Grid<>();
        entered.setId("population-grid");
        entered.addThemeVariants(GridVariant.LUMO_COMPACT);
        entered.setAllRowsVisible(true);
        entered.addColumn(Populations.Entry::institutionName).setHeader(getTranslation("population.institution"));
        entered.addColumn(Populations.Entry::year).setHeader(getTranslation("population.year.label"));
        entered.addColumn(e -> String.format("%,d", e.population())).setHeader(getTranslation("population.label"));
        entered.addComponentColumn(e -> {
                    Button remove = new Button(
                            getTranslation("population.remove"),
                            click -> Confirm.ask(
                                    "population-remove-dialog",
                                    getTranslation("population.remove"),
                                    getTranslation(
                                            "population.remove.consequence",
                                            e.institutionName(),
                                            Integer.toString(e.year()),
                                            String.format("%,d", e.population())),
                                    getTranslation("population.remove"),
                                    () -> Attempt.run(() -> {
                                        Populations.Entry gone = populations.remove(e.institutionCode(), e.year());
                                        Refusals.done(getTranslation(
                                                "population.removed",
                                                gone.institutionName(),
                                                Integer.toString(gone.year())));
                                        saved.run();
                                    })));
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    remove.setId("population-remove-" + e.institutionCode() + "-" + e.year());
                    return remove;
                })
                .setKey("remove")
                .setAutoWidth(true);
        entered.setItems(populations.list());

        Button save = new Button(
                getTranslation("population.save"),
                e -> Attempt.run(() -> {
                    if (institution.getValue() == null || year.getValue() == null || population.isEmpty()) {
                        throw Refused.invalid("population.incomplete");
                    }
                    String typed = population.getValue().replaceAll("[,，]", "");
                    if (!typed.matches("[0-9]{1,10}")) {
                        throw Refused.invalid("population.notWhole");
                    }
                    String code = institution.getValue().getCode();
                    int y = year.getValue();
                    long people = Long.parseLong(typed);
                    Populations.Preview preview = populations.preview(code, y, people);
                    Runnable enter = () -> Attempt.run(() -> {
                        Populations.Entry entry = populations.enter(code, y, people);
                        Refusals.done(getTranslation(
                                "population.saved",
                                entry.institutionName(),
                                Integer.toString(entry.year()),
                                String.format("%,d", entry.population())));
                        saved.run();
                    });
                    // every entry asks, with the rate it would give: a slip of a digit shows at once
                    List<String> said = new ArrayList<>();
                    said.add(getTranslation(
                            "population.confirm.consequence",
                            preview.institutionName(),
                            Integer.toString(y),
                            String.format("%,d", people)));
                    if (preview.replaces() != null) {
                        said.add(getTranslation(
                                "population.replace.consequence",
                                preview.institutionName(),
                                Integer.toString(y),
                                String.format("%,d", preview.replaces()),
                                String.format("%,d", people)));
                    }
                    if (preview.belowRecords()) {
                        said.add(getTranslation(
                                "population.belowRecords",
                                preview.institutionName(),
                                String.format("%,d", preview.records()),
                                String.format("%,d", people)));
                    }
                    if (preview.records() > 0) {
                        said.add(getTranslation(
                                "population.rateWouldBe",
                                String.format("%,d", preview.records()),
                                IndicatorsView.percent((double) preview.records() / people)));
                    }
                    said.add(getTranslation("population.nextComputation"));
                    Confirm.ask(
                            "population-confirm-dialog",
                            getTranslation("population.confirm"),
                            String.join(" ", said),
                            getTranslation("population.save"),
                            enter);
                }));
        save.setId("population-save");
        content.add(Rows.wrapping(institution, year, population, save), entered);
        add(content);
    }
}
