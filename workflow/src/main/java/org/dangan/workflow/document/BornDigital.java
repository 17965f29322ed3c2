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
import java.math.BigDecimal;
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
    private final Arrivals arrivals;
    private final PdfFont font;
    private volatile Font han;
    private final Clock clock;

    BornDigital(RecordBatches records, FileStore files, Arrivals arrivals, PdfFont font, Clock clock) {
        this.records = records;
        this.files = files;
        this.arrivals = arrivals;
        this.font = font;
        this.clock = clock;
    }

    /** A document whose text is known: the record's number, its kind, one list of lines a page. */
    public record Text(String recordNumber, DocumentType type, List<List<String>> pages) {}

    /** Archives the documents one after the other; answers their ids in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> archiveAll(List<Text> documents, String createdBy) {
        List<Long> ids = new ArrayList<>();
        for (Text document : documents) {
            ids.add(archive(document.recordNumber(), document.type(), document.pages(), createdBy));
        }
        return ids;
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
        List<Arrivals.Page> arrived = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            arrived.add(new Arrivals.Page(String.join("\n", pages.get(i)), DPI, PageBoxes.json(boxes.get(i))));
        }
        return arrivals.archive(
                ScannedDocument.archivedOnArrival(
                        record.id(),
                        record.recordNumber(),
                        record.institutionId(),
                        type,
                        // the name the document screens show as its file: in Chinese, as a scan station's would be
                        type.chinese() + "-" + recordNumber + ".pdf",
                        hash,
                        pdf.size(),
                        hash,
                        pages.size(),
                        BigDecimal.valueOf(100),
                        createdBy,
                        clock.instant()),
                arrived);
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
            placed.add(new TextBox(
                    line,
                    120,
                    baseline - metrics.getAscent(),
                    Math.max(1, metrics.stringWidth(line)),
                    metrics.getAscent() + metrics.getDescent(),
                    100));
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

    /** Parsed once per node, not once per page: each parse reads the whole collection again. */
    private Font han() {
        Font parsed = han;
        if (parsed == null) {
            try {
                parsed = Font.createFonts(font.path().toFile())[0]; // the first font of a collection (.ttc) too
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load the font " + font.path() + " (dangan.pdf.font)", e);
            }
            han = parsed;
        }
        return parsed;
    }
}
