package org.dangan.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * the text prints, copies and searches right on any machine, and the sheet is PDF/A-2b: what is
 * signed on it is a record and must read the same in thirty years. Text wraps between words (and
 * between Han characters), never inside a word; a table's columns are at least as wide as the
 * longest word of their header.
 */
public final class PrintedSheet implements AutoCloseable {

    public static final Path DEFAULT_FONT = HanFont.DEFAULT;

    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float TABLE = 9;
    /** Space between a cell's border and its text, each side. */
    private static final float PAD = 3;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final HanFont hanFont;
    private PDPageContentStream content;
    private float y;
    private String documentTitle;

    public PrintedSheet(Path fontFile) {
        hanFont = new HanFont(document, fontFile);
        font = hanFont.font();
        newPage();
    }

    /** The sheet's heading; the first one is also the document's title in its metadata. */
    public PrintedSheet title(String text) {
        if (documentTitle == null) {
            documentTitle = text;
        }
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
        float[] widths = widths(headers, weights);
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
            text(label + "：", BODY, MARGIN, y);
            stroke(MARGIN + 120, y - 2, MARGIN + 300, y - 2);
            text("日期：", BODY, MARGIN + 320, y);
            stroke(MARGIN + 380, y - 2, MARGIN + width(), y - 2);
        }
        return this;
    }

    public byte[] toBytes() {
        try {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(
                        document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN / 2);
                    foot.showText("第 " + (i + 1) + " 页 / 共 " + pages + " 页");
                    foot.endText();
                }
            }
            Archival.declare(document, documentTitle == null ? "Dang'an" : documentTitle, Archival.now());
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
            List<String> lines =
                    wrap(i < cells.size() && cells.get(i) != null ? cells.get(i) : "", TABLE, widths[i] - 2 * PAD);
            float ty = top - 11;
            for (String l : lines) {
                text(l, TABLE, x + PAD, ty);
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
            lines = Math.max(
                    lines,
                    wrap(cells.get(i) == null ? "" : cells.get(i), TABLE, widths[i] - 2 * PAD)
                            .size());
        }
        return lines * 11 + 5;
    }

    /**
     * The page width shared by the weights, except that no column is narrower than the longest word
     * of its header: "Records" must not print as "Rec|ords". What the narrow columns need is taken
     * from the others in proportion to what they have to spare.
     */
    private float[] widths(List<String> headers, float[] weights) {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        float[] least = new float[weights.length];
        float needed = 0;
        float spare = 0;
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
            for (String word : words(headers.get(i) == null ? "" : headers.get(i))) {
                least[i] = Math.max(least[i], widthOf(word.strip(), TABLE) + 2 * PAD + 1);
            }
            needed += Math.max(0, least[i] - widths[i]);
            spare += Math.max(0, widths[i] - least[i]);
        }
        if (needed == 0 || spare < needed) {
            // nothing to move, or too many columns for their words: the weights decide
            return widths;
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = widths[i] < least[i] ? least[i] : widths[i] - (widths[i] - least[i]) * needed / spare;
        }
        return widths;
    }

    /**
     * Lines of at most {@code maxWidth}, broken after spaces and around Han characters; only a word
     * wider than a whole line (a long code) is cut.
     */
    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words(text)) {
            if (line.length() > 0 && widthOf((line + word).stripTrailing(), size) > maxWidth) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                word = word.stripLeading();
            }
            if (widthOf(word.stripTrailing(), size) > maxWidth) {
                for (int cp : word.codePoints().toArray()) {
                    String next = line + new String(Character.toChars(cp));
                    if (widthOf(next.stripTrailing(), size) > maxWidth && line.length() > 0) {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                    }
                    line.appendCodePoint(cp);
                }
            } else {
                line.append(word);
            }
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    /**
     * The pieces a line may break between: each Han character (and CJK punctuation) on its own, other
     * runs up to and with their following spaces.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (wide(cp)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                words.add(new String(Character.toChars(cp)));
                continue;
            }
            word.appendCodePoint(cp);
            if (Character.isWhitespace(cp) && (i + 1 == cps.length || !Character.isWhitespace(cps[i + 1]))) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
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
