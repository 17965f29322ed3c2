package org.dangan.ui.registry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.dangan.ui.support.Rows;
import org.dangan.ui.support.Uploads;
import org.dangan.workflow.registry.importing.ImportFailedException;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportResult;
import org.dangan.workflow.registry.importing.ImportTemplate;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.registry.importing.Rejection;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Import of a county export: choose encoding and mode, upload, watch the progress bar, read the
 * rejection report or download it as CSV. The import runs off the request thread.
 */
@Route("import")
@RolesAllowed("ARCHIVIST")
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    final Select<String> encoding = new Select<>();
    final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>();
    final Upload upload = Uploads.translated(new Upload());
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Paragraph summary = new Paragraph();
    final Grid<Rejection> rejections = new Grid<>();
    final Anchor report = new Anchor();
    private final RecordImporter importer;
    private final Executor executor;

    public ImportView(RecordImporter importer, ImportExecutor executor) {
        this.importer = importer;
        this.executor = executor;

        encoding.setId("import-encoding");
        encoding.setLabel(getTranslation("import.encoding"));
        encoding.setItems("auto", "UTF-8", "GBK");
        encoding.setItemLabelGenerator(e -> e.equals("auto") ? getTranslation("import.encoding.auto") : e);
        encoding.setValue("auto");

        mode.setId("import-mode");
        mode.setLabel(getTranslation("import.mode"));
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("import.mode." + m.name()));
        mode.setValue(ImportMode.REJECT_FILE);

        Anchor template = new Anchor(
                new StreamResource("records-template.csv", () -> new ByteArrayInputStream(ImportTemplate.csv())),
                getTranslation("import.template"));
        template.getElement().setAttribute("download", true);
        template.setId("import-template");
        // Excel keeps 17- and 18-digit numbers whole only in a column formatted as text, as this one's are
        Anchor templateXlsx = new Anchor(
                new StreamResource("records-template.xlsx", () -> new ByteArrayInputStream(ImportTemplate.xlsx())),
                getTranslation("import.template.xlsx"));
        templateXlsx.getElement().setAttribute("download", true);
        templateXlsx.setId("import-template-xlsx");

        upload.setId("import-upload");
        upload.setAcceptedFileTypes(
                ".csv", ".xlsx", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) ->
                upload.getUI().ifPresent(ui -> ui.access(() -> start(ui, file, metadata.fileName())))));

        progress.setId("import-progress");
        progress.setVisible(false);
        progressText.setId("import-progress-text");
        summary.setId("import-summary");

        rejections.setId("import-rejections");
        rejections
                .addColumn(Rejection::line)
                .setHeader(getTranslation("import.line"))
                .setAutoWidth(true);
        rejections
                .addColumn(Rejection::column)
                .setHeader(getTranslation("import.column"))
                .setAutoWidth(true);
        rejections
                .addColumn(Rejection::value)
                .setHeader(getTranslation("import.value"))
                .setAutoWidth(true);
        rejections
                .addColumn(Rejection::reason)
                .setHeader(getTranslation("import.reason"))
                .setFlexGrow(3);
        rejections.setVisible(false);
        report.setId("import-report");
        report.setText(getTranslation("import.report.download"));
        report.getElement().setAttribute("download", true);
        report.setVisible(false);

        add(
                new Paragraph(getTranslation("import.help")),
                Rows.wrapping(template, templateXlsx),
                new Paragraph(getTranslation("import.template.excel")),
                Rows.wrapping(encoding, mode),
                upload,
                progress,
                progressText,
                summary,
                report,
                rejections);
    }

    /** Runs the import of an uploaded file in the background, reporting to this screen. */
    void start(UI ui, File file, String fileName) {
        Locale locale = ui.getLocale();
        String chosenEncoding = encoding.getValue();
        ImportMode chosenMode = mode.getValue();
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText(getTranslation("import.running", fileName));
        summary.setText("");
        rejections.setVisible(false);
        report.setVisible(false);
        upload.setEnabled(false);
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                ImportResult result = importer.importFile(
                        file.toPath(),
                        fileName,
                        chosenEncoding,
                        chosenMode,
                        locale,
                        (done, total, rows) -> ui.access(() -> {
                            progress.setValue(total == 0 ? 1 : (double) done / total);
                            progressText.setText(getTranslation("import.progress", rows));
                        }));
                ui.access(() -> finished(result, locale));
            } catch (ImportFailedException e) {
                String message = importer.message(e, locale);
                ui.access(() -> failed(message));
            } catch (RuntimeException e) {
                ui.access(() -> failed(getTranslation("import.failed.unexpected")));
                throw e;
            } finally {
                deleteQuietly(file);
            }
        }));
    }

    private void finished(ImportResult result, Locale locale) {
        progress.setValue(1);
        upload.setEnabled(true);
        upload.clearFileList();
        summary.setText(getTranslation(
                result.written() || result.rejectedRows() == 0 ? "import.done" : "import.rejectedFile",
                result.rows(),
                result.accepted(),
                result.rejectedRows(),
                result.encoding()));
        if (!result.rejected().isEmpty()) {
            List<Rejection> rows = result.rejected();
            rejections.setItems(rows);
            rejections.setVisible(true);
            report.setHref(new StreamResource(
                    "import-rejections.csv", () -> new ByteArrayInputStream(importer.report(rows, locale))));
            report.setVisible(true);
        }
        Notification.show(summary.getText(), 5000, Notification.Position.BOTTOM_END)
                .addThemeVariants(
                        result.rejectedRows() == 0
                                ? NotificationVariant.LUMO_SUCCESS
                                : NotificationVariant.LUMO_WARNING);
    }

    private void failed(String message) {
        progress.setVisible(false);
        upload.setEnabled(true);
        upload.clearFileList();
        summary.setText(getTranslation("import.failed", message));
        Notification.show(summary.getText(), 8000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.import");
    }

    static boolean deleteQuietly(File file) {
        try {
            return Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            return false;
        }
    }
}
