package org.dangan.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable A4 sheet in Chinese and English: a title, lines of text, tables that continue over
 * pages with their header repeated, signature lines, and "page n of m" at the foot. Used for the
 * sign-off sheets, reports and lists people sign on paper. The font is embedded (as a subset), so
 * the text prints, copies and searches right on any machine.
 */
public final class PrintedSheet implements AutoCloseable {

    public static final Path DEFAULT_FONT = HanFont.DEFAULT;

    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float TABLE = 9;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final HanFont hanFont;
    private PDPageContentStream content;
    private float y;

    public PrintedSheet(Path fontFile) {
        hanFont = new HanFont(document, fontFile);
        font = hanFont.font();
        newPage();
    }

    public PrintedSheet title(String text) {
        write(text, 16, MARGIN, 28);
        return this;
    }

    public PrintedSheet line(String text) {
        for (String part : wrap(text, BODY, width())) {
            write(part, BODY, MARGIN, 15);
        }
        return this;
    }

    public PrintedSheet gap() {
        y -= 10;
        return this;
    }

    /** A table; {@code weights} share the page width among the columns. Long cells wrap. */
    public PrintedSheet table(List<String> headers, float[] weights, List<List<String>> rows) {
        if (weights.length != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " headers but " + weights.length + " column widths");
        }
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
        }
        row(headers, widths, true);
        for (List<String> r : rows) {
            if (y - rowHeight(r, widths) < MARGIN + 20) {
                newPage();
                row(headers, widths, true);
            }
            row(r, widths, false);
        }
        return this;
    }

    /** Lines to sign on by hand, one per label, with a date line beside each. */
    public PrintedSheet signatureLines(List<String> labels) {
        y -= 10;
        for (String label : labels) {
            if (y < MARGIN + 40) {
                newPage();
            }
            y -= 28;
            text(label + ":", BODY, MARGIN, y);
            stroke(MARGIN + 120, y - 2, MARGIN + 300, y - 2);
            text("日期 Date:", BODY, MARGIN + 320, y);
            stroke(MARGIN + 380, y - 2, MARGIN + width(), y - 2);
        }
        return this;
    }

    public byte[] toBytes() {
        try {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN / 2);
                    foot.showText("第 " + (i + 1) + " 页 / 共 " + pages + " 页  Page " + (i + 1) + " of " + pages);
                    foot.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
            hanFont.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(List<String> cells, float[] widths, boolean header) {
        float height = rowHeight(cells, widths);
        float x = MARGIN;
        float top = y;
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = wrap(i < cells.size() && cells.get(i) != null ? cells.get(i) : "", TABLE, widths[i] - 6);
            float ty = top - 11;
            for (String l : lines) {
                text(l, TABLE, x + 3, ty);
                ty -= 11;
            }
            x += widths[i];
        }
        y = top - height;
        stroke(MARGIN, y, MARGIN + width(), y);
        if (header) {
            stroke(MARGIN, top, MARGIN + width(), top);
        }
    }

    private float rowHeight(List<String> cells, float[] widths) {
        int lines = 1;
        for (int i = 0; i < widths.length && i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i) == null ? "" : cells.get(i), TABLE, widths[i] - 6).size());
        }
        return lines * 11 + 5;
    }

    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            String next = line + new String(Character.toChars(cp));
            if (widthOf(next, size) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    private float widthOf(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float size, float x, float advance) {
        if (y - advance < MARGIN + 20) {
            newPage();
        }
        y -= advance;
        text(text, size, x, y);
    }

    private void text(String text, float size, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stroke(float x1, float y1, float x2, float y2) {
        try {
            content.setLineWidth(0.5f);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }
}
