package org.dangan.ocr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.dangan.pdf.Archival;
import org.dangan.pdf.HanFont;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Writes the searchable PDF of a scan as PDF/A-2b: each page is the scanned image, with the
 * recognised lines laid over it as invisible text (rendering mode 3) in the boxes Tesseract found,
 * in an embedded font subset, so selecting, copying and searching in any viewer finds the text
 * where they stand on the page. sRGB output intent and XMP identification as PDF/A requires.
 */
public final class SearchablePdf implements AutoCloseable {

    // page images go to a scratch file as they are added: a 500-page scan must not sit in the heap
    private final PDDocument document = new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache());
    private final PDType0Font font;
    private final HanFont hanFont;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    public SearchablePdf(Path fontFile) {
        hanFont = new HanFont(document, fontFile);
        font = hanFont.font();
    }

    /** Adds a page: the image as JPEG bytes, its size in pixels, its resolution, and the lines of text on it. */
    public void addPage(byte[] jpeg, int widthPx, int heightPx, int dpi, List<TextBox> lines) {
        float scale = 72f / (dpi > 0 ? dpi : DocumentReader.RENDER_DPI);
        PDPage page = new PDPage(new PDRectangle(widthPx * scale, heightPx * scale));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
            content.drawImage(image, 0, 0, widthPx * scale, heightPx * scale);
            for (TextBox w : lines) {
                String text = printable(w.text());
                if (text.isEmpty() || w.width() <= 0 || w.height() <= 0) {
                    continue;
                }
                float size = w.height() * scale;
                float natural = font.getStringWidth(text) / 1000 * size;
                if (natural <= 0) {
                    continue;
                }
                content.beginText();
                content.setRenderingMode(RenderingMode.NEITHER);
                content.setFont(font, size);
                content.setHorizontalScaling(100 * (w.width() * scale) / natural);
                // the baseline a little above the bottom of the box, where descenders end
                content.newLineAtOffset(w.x() * scale, (heightPx - w.y() - w.height()) * scale + size * 0.12f);
                content.showText(text);
                content.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write page " + document.getNumberOfPages(), e);
        }
    }

    /** A page of a searchable PDF written here: its scanned image as JPEG, its size and resolution. */
    public record PageImage(byte[] jpeg, int widthPx, int heightPx, int dpi) {
    }

    /**
     * The page images of a searchable PDF this class wrote, unchanged (the JPEG streams as stored,
     * not decoded and compressed again), so a new text layer can be laid over the same images.
     */
    public static List<PageImage> pageImages(byte[] searchablePdf) {
        List<PageImage> images = new java.util.ArrayList<>();
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(searchablePdf)) {
            for (PDPage page : pdf.getPages()) {
                PDImageXObject image = null;
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject i) {
                        image = i;
                    }
                }
                if (image == null || !image.getStream().getFilters().equals(List.of(org.apache.pdfbox.cos.COSName.DCT_DECODE))) {
                    throw new IllegalArgumentException("page " + (images.size() + 1)
                            + " is not a scanned JPEG image: not a searchable PDF written by Dang'an");
                }
                try (java.io.InputStream raw = image.getCOSObject().createRawInputStream()) {
                    int dpi = Math.round(image.getWidth() * 72f / page.getMediaBox().getWidth());
                    images.add(new PageImage(raw.readAllBytes(), image.getWidth(), image.getHeight(), dpi));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the searchable PDF", e);
        }
        return images;
    }

    /** Keeps the characters the embedded font can show; Tesseract rarely returns others. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean known = glyphs.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (known) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    public void save(OutputStream out, String title) {
        Archival.declare(document, title, Archival.now());
        try {
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the searchable PDF", e);
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
}
