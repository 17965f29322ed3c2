package org.dangan.workflow.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.dangan.ocr.SearchablePdf;
import org.dangan.ocr.TextBox;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.StoredRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives a document whose text is known, without scanning or OCR: each page is typeset on an
 * A4 image at 150 dpi, the searchable PDF (PDF/A-2b) is written with the text exactly where it was
 * set, and the document is archived with its pages and boxes, as the digitisation process would
 * leave it. The demo data uses it for documents a searcher can try.
 */
@Component
public class BornDigital {

    private static final int DPI = 150;
    private static final int WIDTH = 1240;
    private static final int HEIGHT = 1754;

    private final RecordBatches records;
    private final FileStore files;
    private final NamedParameterJdbcTemplate jdbc;
    private final PdfFont font;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BornDigital(RecordBatches records, FileStore files, NamedParameterJdbcTemplate jdbc, PdfFont font,
                ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.files = files;
        this.jdbc = jdbc;
        this.font = font;
        this.events = events;
        this.clock = clock;
    }

    /** Archives a document of the record, one page per list of lines; answers its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long archive(String recordNumber, DocumentType type, List<List<String>> pages, String createdBy) {
        StoredRecord record = records.byNumber(recordNumber)
                .orElseThrow(() -> new IllegalArgumentException("recordNumber: no record " + recordNumber));
        List<List<TextBox>> boxes = new ArrayList<>();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (SearchablePdf out = new SearchablePdf(font.path())) {
            for (List<String> lines : pages) {
                List<TextBox> placed = new ArrayList<>();
                byte[] jpeg = typeset(lines, placed);
                boxes.add(placed);
                out.addPage(jpeg, WIDTH, HEIGHT, DPI, placed);
            }
            out.save(pdf, type.chinese() + " " + recordNumber);
        }
        String hash = files.put(new ByteArrayInputStream(pdf.toByteArray()));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into scanned_document (record_id, record_number, institution_id, document_type, restricted,
                original_name, original_sha256, original_size, state, page_count, mean_confidence, pdf_sha256, languages,
                created_by, created_at, archived_at, version) values (:record, :number, :institution, :type, :restricted,
                :name, :hash, :size, 'ARCHIVED', :pages, 100, :hash, 'chi_sim', :by, :at, :at, 0)""",
                new MapSqlParameterSource("record", record.id()).addValue("number", record.recordNumber())
                        .addValue("institution", record.institutionId()).addValue("type", type.name())
                        .addValue("restricted", type.restricted()).addValue("name", type.name().toLowerCase() + ".pdf")
                        .addValue("hash", hash).addValue("size", pdf.size()).addValue("pages", pages.size())
                        .addValue("by", createdBy).addValue("at", Timestamp.from(clock.instant())),
                key, new String[] {"id"});
        long id = key.getKey().longValue();
        for (int i = 0; i < pages.size(); i++) {
            jdbc.update("""
                    insert into document_page (document_id, page_number, confidence, rotation, dpi, issues, from_text_layer,
                    millis, page_text, line_boxes, word_boxes) values (:id, :page, 100, 0, :dpi, '', true, 0, :text,
                    :lines, '[]')""", new MapSqlParameterSource("id", id).addValue("page", i + 1).addValue("dpi", DPI)
                    .addValue("text", String.join("\n", pages.get(i))).addValue("lines", PageBoxes.json(boxes.get(i))));
        }
        events.publishEvent(new DocumentArchived(id));
        return id;
    }

    private byte[] typeset(List<String> lines, List<TextBox> placed) {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(han().deriveFont(30f));
        FontMetrics metrics = g.getFontMetrics();
        int baseline = 150;
        for (String line : lines) {
            g.drawString(line, 120, baseline);
            placed.add(new TextBox(line, 120, baseline - metrics.getAscent(), Math.max(1, metrics.stringWidth(line)),
                    metrics.getAscent() + metrics.getDescent(), 100));
            baseline += 60;
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(page, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }

    private Font han() {
        try {
            return Font.createFonts(font.path().toFile())[0]; // the first font of a collection (.ttc) too
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load the font " + font.path() + " (dangan.pdf.font)", e);
        }
    }
}
