package org.dangan.ui.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.ui.custody.LedgerTexts;
import org.dangan.ui.document.DocumentView;
import org.dangan.ui.support.Resident;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.custody.CustodyEntry;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.RecordMerge;
import org.dangan.workflow.registry.RecordNotFoundException;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.resident.ResidentRecordService;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.verification.Findings;
import org.springframework.security.access.AccessDeniedException;

/**
 * The resident's page: the record with the ID number masked, its paper files and where they stand
 * (room, shelf, box, position), its scans, the custody of its paper, its check-outs, what the
 * verification campaigns found on it, and who has
 * read or changed it; each from its own module's service, which scopes and audits the read.
 */
@Route("record")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "ADMIN"})
public class RecordDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Records records;
    private final RecordMerge merge;
    private final Documents documents;
    private final Checkouts checkouts;
    private final Institutions institutions;
    private final Findings findings;
    private final UserAccounts users;
    private String title = "";

    public RecordDetailView(
            Records records,
            RecordMerge merge,
            Documents documents,
            Checkouts checkouts,
            Institutions institutions,
            Findings findings,
            UserAccounts users) {
        this.users = users;
        this.findings = findings;
        this.institutions = institutions;
        this.records = records;
        this.merge = merge;
        this.documents = documents;
        this.checkouts = checkouts;
    }

    @Override
    public void setParameter(BeforeEvent event, String recordNumber) {
        removeAll();
        RecordDetail record;
        try {
            record = records.read(recordNumber);
        } catch (RecordNotFoundException e) {
            Span missing = new Span(getTranslation("record.notFound", recordNumber));
            missing.getElement().setAttribute("role", "alert");
            missing.setId("record-not-found");
            add(missing);
            title = getTranslation("nav.records");
            return;
        }
        title = Resident.label(record.name(), record.recordNumber());
        H2 heading = new H2(record.name() + " · " + record.recordNumber());
        heading.setId("record-heading");

        Span idNumber = new Span(record.idNumber());
        idNumber.setId("record-id-number");
        HorizontalLayout idRow = new HorizontalLayout(idNumber);
        if (CurrentUser.require().has(Permission.FULL_ID_NUMBER)) {
            Button reveal = new Button(
                    getTranslation("record.revealId"),
                    e -> idNumber.setText(records.revealIdNumber(record.recordNumber())));
            reveal.setId("reveal-id");
            reveal.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            idRow.add(reveal);
        }

        FormLayout form = new FormLayout();
        form.addFormItem(new Span(record.recordNumber()), getTranslation("record.recordNumber"));
        form.addFormItem(new Span(record.name()), getTranslation("record.name"));
        form.addFormItem(
                new Span(
                        record.gender() == null
                                ? ""
                                : getTranslation("gender." + record.gender().name())),
                getTranslation("record.gender"));
        form.addFormItem(new Span(Objects.toString(record.birthDate(), "")), getTranslation("record.birthDate"));
        form.addFormItem(idRow, getTranslation("record.idNumber"));
        form.addFormItem(new Span(Objects.toString(record.phone(), "")), getTranslation("record.phone"));
        form.addFormItem(new Span(Objects.toString(record.address(), "")), getTranslation("record.address"));
        form.addFormItem(
                new Span(record.keyPopulations().stream()
                        .map(p -> getTranslation("population." + p.name()))
                        .collect(Collectors.joining("、"))),
                getTranslation("record.keyPopulations"));
        form.addFormItem(new Span(getTranslation("status." + record.status().name())), getTranslation("record.status"));
        form.addFormItem(new Span(record.institutionName()), getTranslation("record.institution"));
        form.addFormItem(
                new Span(Objects.toString(record.lastServiceDate(), "")), getTranslation("record.lastServiceDate"));
        if (record.deceasedOn() != null) {
            form.addFormItem(new Span(record.deceasedOn().toString()), getTranslation("record.deceasedOn"));
        }

        Grid<RecordDetail.PaperFileView> files = new Grid<>();
        files.setId("paper-files");
        files.addColumn(RecordDetail.PaperFileView::fileNumber)
                .setHeader(getTranslation("paperFile.fileNumber"))
                .setAutoWidth(true);
        files.addColumn(RecordDetail.PaperFileView::pageCount).setHeader(getTranslation("paperFile.pageCount"));
        files.addColumn(this::contentsOf)
                .setHeader(getTranslation("paperFile.contents"))
                .setFlexGrow(3)
                // a file of many kinds is cut short at 1,400 px: the whole list on pointing at it
                .setTooltipGenerator(this::contentsOf);
        files.addColumn(f -> getTranslation("paperFileState." + f.state().name()))
                .setHeader(getTranslation("paperFile.state"));
        files.addColumn(f -> f.place() == null ? getTranslation("paperFile.notShelved") : f.place())
                .setHeader(getTranslation("paperFile.place"))
                .setAutoWidth(true);
        files.addColumn(f -> Objects.toString(f.boxBarcode(), ""))
                .setHeader(getTranslation("paperFile.box"))
                .setAutoWidth(true);
        files.addColumn(f -> f.boxPosition() == null ? "" : getTranslation("paperFile.positionOf", f.boxPosition()))
                .setHeader(getTranslation("paperFile.position"));
        files.setItems(record.paperFiles());
        files.setAllRowsVisible(true);

        Grid<AuditEntry> trail = new Grid<>();
        trail.setId("record-trail");
        List<AuditEntry> readers = records.trail(record.recordNumber());
        Map<String, String> readerNames =
                users.displayNames(readers.stream().map(AuditEntry::getUsername).toList());
        trail.addColumn(e -> ChinaTime.second(e.getAt()))
                .setHeader(getTranslation("audit.at"))
                .setAutoWidth(true);
        // a resident's own reads carry the resident's audit name, not an account: labelled as the resident
        // a refused sign-in was typed by someone with the ID number: not necessarily the resident
        trail.addColumn(e -> e.getUsername() == null
                        ? ""
                        : e.getAction() == AuditAction.RESIDENT_SIGN_IN_REFUSED
                                ? getTranslation("audit.someoneWithIdNumber")
                                : e.getUsername().startsWith(ResidentRecordService.AUDIT_PREFIX)
                                        ? getTranslation("audit.residentSelf")
                                        : readerNames.get(e.getUsername()))
                .setHeader(getTranslation("audit.user"));
        trail.addColumn(e -> getTranslation("auditAction." + e.getAction().name()))
                .setHeader(getTranslation("audit.action"));
        trail.setItems(readers);
        trail.setAllRowsVisible(true);

        add(heading, form, new H3(getTranslation("record.paperFiles")), files);
        add(new H3(getTranslation("record.scans")), scans(record.recordNumber()));
        add(new H3(getTranslation("record.custody")), custody(record));
        add(new H3(getTranslation("record.checkouts")), checkouts(record));
        add(new H3(getTranslation("record.findings")), findings(record.recordNumber()));
        if (record.duplicateOf() != null) {
            Span survivor = new Span(getTranslation("record.duplicateOf", record.duplicateOf()));
            survivor.setId("record-duplicate-of");
            add(survivor);
        } else if (merge.mayMerge()
                && (record.status() == RecordStatus.ACTIVE || record.status() == RecordStatus.RETIRED_PAPER)
                // offered only where there is someone to merge, as in the self-check
                && !merge.candidatesFor(record.recordNumber()).isEmpty()) {
            add(new RecordMergePanel(
                    record, records, merge, documents, merged -> setParameter(null, record.recordNumber())));
        }
        add(new H3(getTranslation("record.trail")), trail);
    }

    /** The resident's scans, each opening in the viewer; restricted ones only for who may see them (the service decides). */
    private Component scans(String recordNumber) {
        List<Documents.DocumentSummary> list = documents.ofRecord(recordNumber);
        if (list.isEmpty()) {
            return empty("record-scans-empty", "record.scans.none");
        }
        Grid<Documents.DocumentSummary> grid = new Grid<>();
        grid.setId("record-scans");
        grid.addComponentColumn(d -> new RouterLink(
                        "#" + d.id() + " "
                                + getTranslation(
                                        "documentType." + d.documentType().name()),
                        DocumentView.class,
                        d.id()))
                .setHeader(getTranslation("documents.type"))
                .setAutoWidth(true);
        grid.addColumn(d -> getTranslation("documentState." + d.state().name()))
                .setHeader(getTranslation("paperFile.state"));
        grid.addColumn(d -> d.pageCount() == 0 ? "" : getTranslation("documents.pages", d.pageCount()))
                .setHeader(getTranslation("paperFile.pageCount"));
        grid.addColumn(d -> ChinaTime.minute(d.createdAt())).setHeader(getTranslation("documents.submittedAt"));
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The kinds of form a file holds with their pages; a kind registered with none is left out. */
    private String contentsOf(RecordDetail.PaperFileView file) {
        return file.contents().entrySet().stream()
                .filter(c -> c.getValue() > 0)
                .map(c -> getTranslation("documentType." + c.getKey().name()) + " " + c.getValue())
                .collect(Collectors.joining("；"));
    }

    /** The custody ledger of each paper file of the record, oldest first, from the registry's audited read. */
    private Component custody(RecordDetail record) {
        List<String[]> rows = new ArrayList<>();
        Map<String, List<CustodyEntry>> ledgers = new LinkedHashMap<>();
        for (RecordDetail.PaperFileView file : record.paperFiles()) {
            try {
                ledgers.put(
                        file.fileNumber(), records.custodyOf(file.fileNumber()).events());
            } catch (Refused e) {
                // a file the reader may not follow: its ledger is left out
            }
        }
        LedgerTexts texts = new LedgerTexts(
                institutions,
                users,
                ledgers.values().stream().flatMap(List::stream).toList());
        ledgers.forEach((file, entries) -> {
            for (CustodyEntry entry : entries) {
                rows.add(new String[] {
                    ChinaTime.minute(entry.occurredAt()),
                    file,
                    getTranslation("custodyEvent." + entry.event().name()),
                    texts.actor(entry.actor()),
                    texts.place(entry.from()),
                    texts.place(entry.to())
                });
            }
        });
        if (rows.isEmpty()) {
            return empty("record-custody-empty", "record.custody.none");
        }
        Grid<String[]> grid = new Grid<>();
        grid.setId("record-custody");
        String[] headers = {
            "custody.at", "paperFile.fileNumber", "custody.event", "custody.actor", "custody.from", "custody.to"
        };
        for (int i = 0; i < headers.length; i++) {
            int column = i;
            if (column == 1) {
                // each file's number opens its whole ledger in the custody screen
                grid.addComponentColumn(r -> new Anchor(
                                "custody?file=" + URLEncoder.encode(r[column], StandardCharsets.UTF_8), r[column]))
                        .setHeader(getTranslation(headers[i]))
                        .setKey("file")
                        .setAutoWidth(true);
            } else {
                grid.addColumn(r -> r[column])
                        .setHeader(getTranslation(headers[i]))
                        .setAutoWidth(true);
            }
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return new VerticalLayout(grid, new Anchor("custody", getTranslation("record.custody.open")));
    }

    /** The check-outs of the record's paper files, from the lending module's scoped read. */
    private Component checkouts(RecordDetail record) {
        Set<String> numbers = record.paperFiles().stream()
                .map(RecordDetail.PaperFileView::fileNumber)
                .collect(Collectors.toSet());
        List<Checkouts.CheckoutView> mine;
        try {
            mine = checkouts.ofFiles(numbers);
        } catch (Refused | AccessDeniedException e) {
            mine = List.of();
        }
        if (mine.isEmpty()) {
            return empty("record-checkouts-empty", "record.checkouts.none");
        }
        Grid<Checkouts.CheckoutView> grid = new Grid<>();
        grid.setId("record-checkouts");
        grid.addComponentColumn(c -> new Anchor("checkouts?id=" + c.id(), "#" + c.id()))
                .setHeader("#")
                .setKey("number")
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("checkoutState." + c.state())).setHeader(getTranslation("checkouts.state"));
        grid.addColumn(c -> ChinaTime.day(c.until())).setHeader(getTranslation("checkouts.until"));
        grid.addColumn(c -> c.overdue() ? getTranslation("checkouts.overdue") : "")
                .setHeader(getTranslation("checkouts.overdue"));
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        return new VerticalLayout(grid, new Anchor("checkouts", getTranslation("record.checkouts.open")));
    }

    /** What the verification campaigns found on the record, from the verification module's scoped read. */
    private Component findings(String recordNumber) {
        List<Findings.RecordFinding> list;
        try {
            list = findings.ofRecord(recordNumber);
        } catch (Refused e) {
            // an administrator opens the page but works no campaign
            list = List.of();
        }
        if (list.isEmpty()) {
            return empty("record-findings-empty", "record.findings.none");
        }
        Grid<Findings.RecordFinding> grid = new Grid<>();
        grid.setId("record-findings");
        grid.addComponentColumn(f -> new Anchor("campaigns?id=" + f.campaignId(), "#" + f.campaignId()))
                .setHeader(getTranslation("campaign.title"))
                .setKey("campaign")
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation("ruleName." + f.rule().name()))
                .setHeader(getTranslation("finding.rule"))
                .setFlexGrow(3);
        grid.addColumn(f -> getTranslation("severity." + f.severity().name()))
                .setHeader(getTranslation("finding.severity"));
        grid.addColumn(f -> getTranslation("findingStatus." + f.status().name()))
                .setHeader(getTranslation("finding.status"));
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Span empty(String id, String key) {
        Span span = new Span(getTranslation(key));
        span.setId(id);
        span.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
