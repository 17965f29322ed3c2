package org.dangan.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dangan.ui.support.Attempt;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.RecordMerge;
import org.dangan.workflow.registry.Records;

/**
 * Merging a duplicate into the record shown: the candidates that look like the same person, both
 * records side by side field by field, a tick for each field to take from the duplicate; the
 * duplicate's paper files and scans come along, and it stays as DUPLICATE pointing here.
 */
public class RecordMergePanel extends VerticalLayout {

    record Row(String field, String here, String there) {}

    final ComboBox<String> duplicate = new ComboBox<>();
    final Grid<Row> sideBySide = new Grid<>();
    final Set<String> take = new LinkedHashSet<>();
    final Span status = new Span();

    public RecordMergePanel(
            RecordDetail survivor,
            Records records,
            RecordMerge merge,
            Documents documents,
            Consumer<RecordMerge.Merged> merged) {
        setPadding(false);
        duplicate.setId("merge-duplicate");
        duplicate.setLabel(getTranslation("merge.duplicate"));
        duplicate.setItems(merge.candidatesFor(survivor.recordNumber()));
        duplicate.setWidth("16em");
        status.setId("merge-status");
        sideBySide.setId("merge-fields");
        sideBySide.addColumn(r -> getTranslation("record." + r.field())).setHeader(getTranslation("merge.field"));
        sideBySide.addColumn(Row::here).setHeader(getTranslation("merge.here")).setFlexGrow(2);
        sideBySide
                .addColumn(Row::there)
                .setHeader(getTranslation("merge.there"))
                .setFlexGrow(2);
        sideBySide
                .addComponentColumn(r -> {
                    Checkbox box = new Checkbox(take.contains(r.field()));
                    box.setId("merge-take-" + r.field());
                    box.setEnabled(!Objects.equals(r.here(), r.there()));
                    box.addValueChangeListener(e -> {
                        if (e.getValue()) {
                            take.add(r.field());
                        } else {
                            take.remove(r.field());
                        }
                    });
                    return box;
                })
                .setHeader(getTranslation("merge.take"));
        sideBySide.setAllRowsVisible(true);
        sideBySide.setVisible(false);
        duplicate.addValueChangeListener(e -> {
            take.clear();
            sideBySide.setVisible(e.getValue() != null);
            if (e.getValue() != null) {
                RecordDetail other = records.read(e.getValue());
                sideBySide.setItems(rows(survivor, other));
            }
        });
        Button doMerge = new Button(getTranslation("merge.run"), e -> {
            if (duplicate.getValue() == null) {
                status.setText(getTranslation("merge.pick"));
                return;
            }
            String other = duplicate.getValue();
            // a merge cannot be undone: the archivist sees what moves before it does
            int paperFiles = records.read(other).paperFiles().size();
            Confirm.ask(
                    "merge-confirm",
                    getTranslation("merge.confirmHeader", other, survivor.recordNumber()),
                    getTranslation(
                            "merge.confirmText",
                            other,
                            paperFiles,
                            documents.countOfRecord(other),
                            survivor.recordNumber()),
                    getTranslation("merge.run"),
                    () -> Attempt.run(() -> {
                                RecordMerge.Merged done = merge.merge(survivor.recordNumber(), other, Set.copyOf(take));
                                status.setText(getTranslation("merge.done", done.duplicate(), done.paperFiles()));
                                merged.accept(done);
                            })
                            .ifPresent(status::setText));
        });
        doMerge.setId("merge-run");
        doMerge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = Rows.wrapping(duplicate, doMerge, status);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("merge.title")), bar, sideBySide);
    }

    private static List<Row> rows(RecordDetail a, RecordDetail b) {
        record Field(String name, Function<RecordDetail, Object> value) {}
        return List.of(
                        new Field("name", RecordDetail::name),
                        new Field("gender", RecordDetail::gender),
                        new Field("birthDate", RecordDetail::birthDate),
                        new Field("idNumber", RecordDetail::idNumber),
                        new Field("phone", RecordDetail::phone),
                        new Field("address", RecordDetail::address),
                        new Field("keyPopulations", RecordDetail::keyPopulations),
                        new Field("lastServiceDate", RecordDetail::lastServiceDate))
                .stream()
                .map(f -> new Row(
                        f.name(),
                        Objects.toString(f.value().apply(a), ""),
                        Objects.toString(f.value().apply(b), "")))
                .toList();
    }
}
