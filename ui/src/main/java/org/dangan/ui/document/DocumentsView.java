package org.dangan.ui.document;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangan.ui.support.Refusals;
import org.dangan.ui.support.Resident;
import org.dangan.ui.support.ResidentField;
import org.dangan.ui.support.Uploads;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.document.Documents.DocumentSummary;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Role;

/**
 * The scanning batch (扫描批次): archivists pick the resident by name or number and upload scans
 * (many files at once); every document of the institutions shows with the resident's name, its
 * state and, while it is being recognised, a progress bar of pages done. The list refreshes every
 * two seconds while the screen is open.
 */
@Route("documents")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "SEARCHER"})
public class DocumentsView extends VerticalLayout implements HasDynamicTitle {

    private final Documents documents;
    private final Records records;
    final Grid<DocumentSummary> grid = new Grid<>();
    private final Span empty = new Span();
    private Registration polling;
    private List<DocumentSummary> shown = new ArrayList<>();
    private Map<String, String> names = new HashMap<>();

    public DocumentsView(Documents documents, Records records) {
        this.documents = documents;
        this.records = records;
        add(new H2(getTranslation("documents.title")));
        if (CurrentUser.require().is(Role.ARCHIVIST)) {
            add(uploadForm());
        }
        grid.setId("document-grid");
        grid.setEmptyStateText(getTranslation("documents.none"));
        grid.addColumn(d -> "#" + d.id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> Resident.label(names, d.recordNumber()))
                .setHeader(getTranslation("resident.label"))
                .setAutoWidth(true);
        grid.addColumn(d -> getTranslation("documentType." + d.documentType().name()))
                .setHeader(getTranslation("documents.type"));
        grid.addColumn(DocumentSummary::originalName).setHeader(getTranslation("documents.file"));
        grid.addColumn(d -> getTranslation("documentState." + d.state().name()))
                .setHeader(getTranslation("campaign.state"));
        grid.addComponentColumn(d -> {
                    if (d.pagesTotal() == null) {
                        return new Span(d.pageCount() == 0 ? "" : getTranslation("documents.pages", d.pageCount()));
                    }
                    ProgressBar bar = new ProgressBar(0, d.pagesTotal(), d.pagesDone());
                    bar.setId("document-progress-" + d.id());
                    return new VerticalLayout(
                            bar, new Span(getTranslation("documents.progress", d.pagesDone(), d.pagesTotal())));
                })
                .setHeader(getTranslation("documents.recognition"))
                .setWidth("14em");
        grid.addColumn(d -> ChinaTime.minute(d.createdAt()))
                .setHeader(getTranslation("documents.submittedAt"))
                .setAutoWidth(true);
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate(DocumentView.class, e.getItem().id()));
        empty.setId("documents-empty");
        empty.setText(getTranslation(
                CurrentUser.require().is(Role.ARCHIVIST) ? "documents.empty.archivist" : "documents.empty"));
        add(empty, grid);
        refresh();
    }

    private HorizontalLayout uploadForm() {
        ResidentField resident = new ResidentField("document-record", getTranslation("resident.label"), records);
        Select<DocumentType> type = new Select<>();
        type.setId("document-type");
        type.setLabel(getTranslation("documents.type"));
        type.setItems(
                DocumentType.AUX_EXAM_REPORT,
                DocumentType.SEVERE_MENTAL_DISORDER,
                DocumentType.HEALTH_EXAM,
                DocumentType.FOLLOW_UP,
                DocumentType.CONSENT,
                DocumentType.OTHER);
        type.setItemLabelGenerator(t -> getTranslation("documentType." + t.name()));
        type.setValue(DocumentType.AUX_EXAM_REPORT);
        Upload upload = Uploads.translated(new Upload());
        upload.setId("document-upload");
        upload.setMaxFiles(50);
        upload.setAcceptedFileTypes(".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg");
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> upload.getUI()
                .ifPresent(ui ->
                        ui.access(() -> submit(file, metadata.fileName(), resident.recordNumber(), type.getValue())))));
        // separator sheets for the picked resident, to print and lay before each document of a stack
        Anchor sheets = new Anchor(
                new StreamResource(
                        "separator-sheet.pdf",
                        () -> new ByteArrayInputStream(documents.separatorSheets(
                                resident.recordNumber() == null ? List.of() : List.of(resident.recordNumber()),
                                type.getValue()))),
                getTranslation("documents.separator"));
        sheets.setId("separator-sheet");
        sheets.getElement().setAttribute("download", true);
        sheets.setEnabled(false);
        resident.addValueChangeListener(e -> sheets.setEnabled(e.getValue() != null));
        HorizontalLayout form = new HorizontalLayout(resident, type, upload, sheets);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    void submit(File file, String name, String recordNumber, DocumentType type) {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            if (recordNumber == null) {
                throw Refused.invalid("document.recordRequired");
            }
            long id = documents.submit(in, name, recordNumber, type);
            Refusals.done(getTranslation("documents.submitted", name, id));
            refresh();
        } catch (IOException e) {
            Refusals.show(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            file.delete();
        }
    }

    void refresh() {
        shown = new ArrayList<>(documents.recent(100));
        names = new HashMap<>(records.namesOf(
                shown.stream().map(DocumentSummary::recordNumber).toList()));
        grid.setItems(shown);
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
    }

    /** Updates states and progress bars of the listed documents without reading them again. */
    void follow() {
        var progress =
                documents.progress(shown.stream().map(DocumentSummary::id).toList());
        shown.replaceAll(d -> {
            Documents.Progress p = progress.get(d.id());
            return p == null
                    ? d
                    : new DocumentSummary(
                            d.id(),
                            d.recordNumber(),
                            d.documentType(),
                            d.restricted(),
                            p.state(),
                            d.originalName(),
                            p.pageCount(),
                            p.pagesDone(),
                            p.pagesTotal(),
                            d.createdAt());
        });
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        polling = event.getUI().addPollListener(e -> follow());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("documents.title");
    }
}
