package org.dangan.ui.document;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.document.Documents.DocumentSummary;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.Role;

/**
 * The scanning batch (扫描批次): archivists upload scans for a record (many files at once); every
 * document of the institutions shows with its state and, while it is being recognised, a progress
 * bar of pages done. The list refreshes every two seconds while the screen is open.
 */
@Route("documents")
@PageTitle("扫描件 Scans")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR", "SEARCHER"})
public class DocumentsView extends VerticalLayout {

    private final Documents documents;
    final Grid<DocumentSummary> grid = new Grid<>();
    private Registration polling;
    private java.util.List<DocumentSummary> shown = new java.util.ArrayList<>();

    public DocumentsView(Documents documents) {
        this.documents = documents;
        add(new H2(getTranslation("documents.title")));
        if (CurrentUser.require().is(Role.ARCHIVIST)) {
            add(uploadForm());
        }
        grid.setId("document-grid");
        grid.addColumn(d -> "#" + d.id()).setHeader("#").setAutoWidth(true);
        grid.addColumn(DocumentSummary::recordNumber).setHeader(getTranslation("record.recordNumber")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("documentType." + d.documentType().name())).setHeader(getTranslation("documents.type"));
        grid.addColumn(DocumentSummary::originalName).setHeader(getTranslation("documents.file"));
        grid.addColumn(d -> getTranslation("documentState." + d.state().name())).setHeader(getTranslation("campaign.state"));
        grid.addComponentColumn(d -> {
            if (d.pagesTotal() == null) {
                return new com.vaadin.flow.component.html.Span(d.pageCount() == 0 ? "" : getTranslation("documents.pages", d.pageCount()));
            }
            ProgressBar bar = new ProgressBar(0, d.pagesTotal(), d.pagesDone());
            bar.setId("document-progress-" + d.id());
            return new VerticalLayout(bar, new com.vaadin.flow.component.html.Span(
                    getTranslation("documents.progress", d.pagesDone(), d.pagesTotal())));
        }).setHeader(getTranslation("documents.recognition")).setWidth("14em");
        grid.addItemClickListener(e -> UI.getCurrent().navigate(DocumentView.class, e.getItem().id()));
        add(grid);
        refresh();
    }

    private HorizontalLayout uploadForm() {
        TextField recordNumber = new TextField(getTranslation("record.recordNumber"));
        recordNumber.setId("document-record");
        Select<DocumentType> type = new Select<>();
        type.setId("document-type");
        type.setLabel(getTranslation("documents.type"));
        type.setItems(DocumentType.AUX_EXAM_REPORT, DocumentType.SEVERE_MENTAL_DISORDER, DocumentType.HEALTH_EXAM,
                DocumentType.FOLLOW_UP, DocumentType.CONSENT, DocumentType.OTHER);
        type.setItemLabelGenerator(t -> getTranslation("documentType." + t.name()));
        type.setValue(DocumentType.AUX_EXAM_REPORT);
        Upload upload = new Upload();
        upload.setId("document-upload");
        upload.setMaxFiles(50);
        upload.setAcceptedFileTypes(".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg");
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> upload.getUI().ifPresent(ui ->
                ui.access(() -> submit(file, metadata.fileName(), recordNumber.getValue(), type.getValue())))));
        // separator sheets for the record typed in, to print and lay before each document of a stack
        com.vaadin.flow.component.html.Anchor sheets = new com.vaadin.flow.component.html.Anchor(
                new com.vaadin.flow.server.StreamResource("separator-sheet.pdf", () -> new java.io.ByteArrayInputStream(
                        documents.separatorSheets(java.util.List.of(recordNumber.getValue()), type.getValue()))),
                getTranslation("documents.separator"));
        sheets.setId("separator-sheet");
        sheets.getElement().setAttribute("download", true);
        HorizontalLayout form = new HorizontalLayout(recordNumber, type, upload, sheets);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    void submit(File file, String name, String recordNumber, DocumentType type) {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            long id = documents.submit(in, name, recordNumber, type);
            Notification.show(getTranslation("documents.submitted", name, id), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IOException | RuntimeException e) {
            Notification.show(name + ": " + e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } finally {
            file.delete();
        }
    }

    void refresh() {
        shown = new java.util.ArrayList<>(documents.recent(100));
        grid.setItems(shown);
    }

    /** Updates states and progress bars of the listed documents without reading them again. */
    void follow() {
        var progress = documents.progress(shown.stream().map(DocumentSummary::id).toList());
        shown.replaceAll(d -> {
            Documents.Progress p = progress.get(d.id());
            return p == null ? d : new DocumentSummary(d.id(), d.recordNumber(), d.documentType(), d.restricted(),
                    p.state(), d.originalName(), p.pageCount(), p.pagesDone(), p.pagesTotal(), d.createdAt());
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
}
