package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.dangan.ocr.SeparatorSheet;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scan station's hot folder: stacks split at separator sheets, named files, rejects, and a crash taken up again. */
@DanganTest
class HotFolderTest {

    @Autowired
    HotFolder hotFolder;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    Fixtures.County county;
    HealthRecord first;
    HealthRecord second;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        first = fixtures.record(county.a(), 1);
        second = fixtures.record(county.a(), 2);
    }

    private Path stack(Path file) throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        try (PDDocument sheets = Loader.loadPDF(SeparatorSheet.pdf(
                List.of(
                        new SeparatorSheet.Target(first.getRecordNumber(), "AUX_EXAM_REPORT"),
                        new SeparatorSheet.Target(second.getRecordNumber(), "AUX_EXAM_REPORT")),
                PrintedSheet.DEFAULT_FONT))) {
            BufferedImage report =
                    ImageIO.read(new ByteArrayInputStream(DocumentApiTest.scan(DocumentApiTest.REPORT, 58)));
            PDFRenderer renderer = new PDFRenderer(sheets);
            pages.add(renderer.renderImageWithDPI(0, 200, ImageType.GRAY));
            pages.add(report);
            pages.add(renderer.renderImageWithDPI(1, 200, ImageType.GRAY));
            pages.add(report);
            pages.add(report);
        }
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / 200, image.getHeight() * 72f / 200));
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.drawImage(
                            LosslessFactory.createFromImage(doc, image),
                            0,
                            0,
                            page.getMediaBox().getWidth(),
                            page.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private long documentsOf(HealthRecord record) {
        return jdbc.queryForObject(
                "select count(*) from scanned_document where record_id = ?", Long.class, record.getId());
    }

    @Test
    void a_stack_with_separator_sheets_becomes_one_document_per_record_and_the_file_moves_to_done() throws Exception {
        stack(root.resolve("batch-001.pdf"));
        List<HotFolder.Outcome> outcomes = hotFolder.sweep(root, county.user("archivist-a"));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.rejectedBecause()).isNull();
            assertThat(o.documents()).hasSize(2);
        });
        assertThat(documentsOf(first)).isOne();
        assertThat(documentsOf(second)).isOne();
        assertThat(jdbc.queryForObject(
                        "select created_by from scanned_document where record_id = ?", String.class, second.getId()))
                .isEqualTo(county.user("archivist-a"));
        assertThat(root.resolve("done/batch-001.pdf")).exists();
        assertThat(root.resolve("batch-001.pdf")).doesNotExist();
    }

    @Test
    void a_file_left_in_processing_by_a_crash_is_taken_up_once_more_without_duplicates() throws Exception {
        Files.createDirectories(root.resolve("processing"));
        stack(root.resolve("batch-002.pdf"));
        hotFolder.sweep(root, county.user("archivist-a"));
        // the application died after submitting and before moving the file on: it is back in processing/
        Files.move(root.resolve("done/batch-002.pdf"), root.resolve("processing/batch-002.pdf"));
        hotFolder.sweep(root, county.user("archivist-a"));
        assertThat(documentsOf(first)).isOne();
        assertThat(documentsOf(second)).isOne();
        assertThat(root.resolve("processing/batch-002.pdf")).doesNotExist();
    }

    @Test
    void named_files_are_taken_whole_and_unusable_ones_are_rejected_with_the_reason() throws Exception {
        Files.write(
                root.resolve(first.getRecordNumber() + "_AUX_EXAM_REPORT_ecg.png"),
                DocumentApiTest.scan(DocumentApiTest.REPORT, 58));
        Files.write(root.resolve("unnamed.png"), DocumentApiTest.scan(DocumentApiTest.REPORT, 58));
        Files.write(root.resolve("broken.pdf"), "%PDF-1.7 broken".getBytes());
        hotFolder.sweep(root, county.user("archivist-a"));
        assertThat(documentsOf(first)).isOne();
        assertThat(Files.readString(root.resolve("rejected/unnamed.png.reason.txt")))
                .contains("no separator sheet");
        assertThat(Files.readString(root.resolve("rejected/broken.pdf.reason.txt")))
                .contains("corrupt PDF");
    }
}
