package org.dangan.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.RecordNotFoundException;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Permission;

/** One record: its data with the ID number masked, its paper files, and who has read or changed it. */
@Route("record")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "ADMIN"})
public class RecordDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final Records records;
    private final org.dangan.workflow.registry.RecordMerge merge;
    private String title = "";

    public RecordDetailView(Records records, org.dangan.workflow.registry.RecordMerge merge) {
        this.records = records;
        this.merge = merge;
    }

    @Override
    public void setParameter(BeforeEvent event, String recordNumber) {
        removeAll();
        RecordDetail record;
        try {
            record = records.read(recordNumber);
        } catch (RecordNotFoundException e) {
            Span missing = new Span(getTranslation("record.notFound", recordNumber));
            missing.setId("record-not-found");
            add(missing);
            title = recordNumber;
            return;
        }
        title = record.recordNumber();
        H2 heading = new H2(record.name() + " · " + record.recordNumber());
        heading.setId("record-heading");

        Span idNumber = new Span(record.idNumber());
        idNumber.setId("record-id-number");
        HorizontalLayout idRow = new HorizontalLayout(idNumber);
        if (CurrentUser.require().has(Permission.FULL_ID_NUMBER)) {
            Button reveal = new Button(getTranslation("record.revealId"),
                    e -> idNumber.setText(records.revealIdNumber(record.recordNumber())));
            reveal.setId("reveal-id");
            reveal.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            idRow.add(reveal);
        }

        FormLayout form = new FormLayout();
        form.addFormItem(new Span(record.recordNumber()), getTranslation("record.recordNumber"));
        form.addFormItem(new Span(record.name()), getTranslation("record.name"));
        form.addFormItem(new Span(record.gender() == null ? "" : getTranslation("gender." + record.gender().name())),
                getTranslation("record.gender"));
        form.addFormItem(new Span(Objects.toString(record.birthDate(), "")), getTranslation("record.birthDate"));
        form.addFormItem(idRow, getTranslation("record.idNumber"));
        form.addFormItem(new Span(Objects.toString(record.phone(), "")), getTranslation("record.phone"));
        form.addFormItem(new Span(Objects.toString(record.address(), "")), getTranslation("record.address"));
        form.addFormItem(new Span(record.keyPopulations().stream().map(p -> getTranslation("population." + p.name()))
                .collect(Collectors.joining("、"))), getTranslation("record.keyPopulations"));
        form.addFormItem(new Span(getTranslation("status." + record.status().name())), getTranslation("record.status"));
        form.addFormItem(new Span(record.institutionCode() + " " + record.institutionName()),
                getTranslation("record.institution"));
        form.addFormItem(new Span(Objects.toString(record.lastServiceDate(), "")),
                getTranslation("record.lastServiceDate"));
        if (record.deceasedOn() != null) {
            form.addFormItem(new Span(record.deceasedOn().toString()), getTranslation("record.deceasedOn"));
        }

        Grid<RecordDetail.PaperFileView> files = new Grid<>();
        files.setId("paper-files");
        files.addColumn(RecordDetail.PaperFileView::fileNumber).setHeader(getTranslation("paperFile.fileNumber"))
                .setAutoWidth(true);
        files.addColumn(RecordDetail.PaperFileView::pageCount).setHeader(getTranslation("paperFile.pageCount"));
        files.addColumn(f -> f.contents().entrySet().stream()
                .map(c -> getTranslation("documentType." + c.getKey().name()) + " " + c.getValue())
                .collect(Collectors.joining("；"))).setHeader(getTranslation("paperFile.contents")).setFlexGrow(3);
        files.addColumn(f -> getTranslation("paperFileState." + f.state().name())).setHeader(getTranslation("paperFile.state"));
        files.addColumn(f -> Objects.toString(f.boxBarcode(), "")).setHeader(getTranslation("paperFile.box"));
        files.setItems(record.paperFiles());
        files.setAllRowsVisible(true);

        Grid<AuditEntry> trail = new Grid<>();
        trail.setId("record-trail");
        trail.addColumn(e -> TIME.format(e.getAt())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        trail.addColumn(AuditEntry::getUsername).setHeader(getTranslation("audit.user"));
        trail.addColumn(e -> getTranslation("auditAction." + e.getAction().name())).setHeader(getTranslation("audit.action"));
        trail.setItems(records.trail(record.recordNumber()));
        trail.setAllRowsVisible(true);

        add(heading, form, new H3(getTranslation("record.paperFiles")), files);
        if (record.duplicateOf() != null) {
            Span survivor = new Span(getTranslation("record.duplicateOf", record.duplicateOf()));
            survivor.setId("record-duplicate-of");
            add(survivor);
        } else if (CurrentUser.require().is(org.dangan.workflow.security.Role.ARCHIVIST)
                && (record.status() == org.dangan.workflow.registry.RecordStatus.ACTIVE
                || record.status() == org.dangan.workflow.registry.RecordStatus.RETIRED_PAPER)) {
            add(new RecordMergePanel(record, records, merge, merged -> setParameter(null, record.recordNumber())));
        }
        add(new H3(getTranslation("record.trail")), trail);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
