package org.dangan.workflow.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.dangan.ocr.SearchablePdf;
import org.dangan.ocr.TextBox;
import org.dangan.ocr.TextLayer;
import org.dangan.workflow.platform.PdfFont;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the digitisation model's "Archive" task calls ({@code ${documentProcess...}}). */
@Component("documentProcess")
@Transactional
public class DocumentProcess {

    private final ScannedDocumentRepository documents;
    private final FileStore files;
    private final NamedParameterJdbcTemplate jdbc;
    private final PdfFont font;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DocumentProcess(
            ScannedDocumentRepository documents,
            FileStore files,
            NamedParameterJdbcTemplate jdbc,
            PdfFont font,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.documents = documents;
        this.files = files;
        this.jdbc = jdbc;
        this.font = font;
        this.clock = clock;
    }

    /**
     * The gateway "有低置信度页面？" of the model's first version, for the documents whose process started
     * on it; the model now reads {@code needsReview}, which {@link Recognition} sets.
     */
    public boolean needsReview(long documentId) {
        return documents.findById(documentId).orElseThrow().getState() == DocumentState.REVIEW;
    }

    /**
     * Archives the document; when a reviewer corrected pages, the searchable PDF is first laid out
     * again over the same page images with the corrected text, so searching and copying in the PDF
     * find what the reviewer wrote. The recognised PDF stays in the store until nothing refers to it.
     */
    public void archive(long documentId) {
        ScannedDocument document = documents.findById(documentId).orElseThrow();
        if (document.getState() == DocumentState.REVIEW) {
            document.reviewed(relaidPdf(document));
        }
        document.archived(clock.instant());
        events.publishEvent(new DocumentArchived(documentId));
    }

    private record StoredPage(String text, List<TextBox> lines, boolean reviewed) {}

    private String relaidPdf(ScannedDocument document) {
        List<StoredPage> pages = jdbc.query(
                """
                select page_text, line_boxes, reviewed_by from document_page where document_id = :id
                order by page_number""",
                new MapSqlParameterSource("id", document.getId()),
                (rs, n) -> new StoredPage(rs.getString(1), PageBoxes.parse(rs.getString(2)), rs.getString(3) != null));
        if (pages.stream().noneMatch(StoredPage::reviewed)) {
            return document.getPdfSha256();
        }
        List<SearchablePdf.PageImage> images;
        try (InputStream in = files.open(document.getPdfSha256())) {
            images = SearchablePdf.pageImages(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (images.size() != pages.size()) {
            throw new IllegalStateException("document " + document.getId() + ": its PDF has " + images.size()
                    + " pages, its recognised text " + pages.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SearchablePdf pdf = new SearchablePdf(font.path())) {
            for (int i = 0; i < images.size(); i++) {
                SearchablePdf.PageImage image = images.get(i);
                StoredPage page = pages.get(i);
                pdf.addPage(
                        image,
                        page.reviewed()
                                ? TextLayer.fit(page.text(), page.lines(), image.widthPx(), image.heightPx())
                                : page.lines());
            }
            pdf.save(out, document.title());
        }
        return files.put(new ByteArrayInputStream(out.toByteArray()));
    }
}
