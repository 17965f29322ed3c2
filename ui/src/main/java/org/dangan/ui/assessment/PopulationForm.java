package org.dangan.ui.assessment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.LocalDate;
import org.dangan.ui.support.Attempt;
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
        institution.setValue(shown);
        IntegerField year = new IntegerField(getTranslation("population.year.label"));
        year.setId("population-year");
        year.setValue(LocalDate.now(ChinaTime.ZONE).getYear());
        year.setMin(2000);
        year.setMax(2100);
        IntegerField population = new IntegerField(getTranslation("population.label"));
        population.setId("population-value");
        population.setMin(1);

        Grid<Populations.Entry> entered = new Grid<>();
        entered.setId("population-grid");
        entered.addThemeVariants(GridVariant.LUMO_COMPACT);
        entered.setAllRowsVisible(true);
        entered.addColumn(Populations.Entry::institutionName).setHeader(getTranslation("population.institution"));
        entered.addColumn(Populations.Entry::year).setHeader(getTranslation("population.year.label"));
        entered.addColumn(e -> String.format("%,d", e.population())).setHeader(getTranslation("population.label"));
        entered.setItems(populations.list());

        Button save = new Button(
                getTranslation("population.save"),
                e -> Attempt.run(() -> {
                    if (institution.getValue() == null || year.getValue() == null || population.getValue() == null) {
                        throw Refused.invalid("population.incomplete");
                    }
                    Populations.Entry entry =
                            populations.enter(institution.getValue().getCode(), year.getValue(), population.getValue());
                    Refusals.done(getTranslation(
                            "population.saved",
                            entry.institutionName(),
                            Integer.toString(entry.year()),
                            String.format("%,d", entry.population())));
                    saved.run();
                }));
        save.setId("population-save");
        content.add(Rows.wrapping(institution, year, population, save), entered);
        add(content);
    }
}
