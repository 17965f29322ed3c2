package org.dangan.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.dangan.pdf.Archival;
import org.dangan.pdf.HanFont;

/**
 * Writes the searchable PDF of a scan as PDF/A-2b: each page is the scanned image (colour or gray
 * JPEG, or 1-bit CCITT G4 for black-and-white scans), with the
 * recognised lines laid over it as invisible text (rendering mode 3) in the boxes Tesseract found,
 * in an embedded font subset, so selecting, copying and searching in any viewer finds the text
 * where they stand on the page. sRGB output intent and XMP identification as PDF/A requires.
 */
public final class SearchablePdf implements AutoCloseable {

    // page images go to a scratch file as they are added: a 500-page scan must not sit in the heap
    private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PDType0Font font;
    private final HanFont hanFont;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    public SearchablePdf(Path fontFile) {
        hanFont = new HanFont(document, fontFile);
        font = hanFont.font();
    }

    static final float MAX_SIDE_POINTS = 14_400;
    static final float MIN_SIDE_POINTS = 3;

    /**
     * The resolution to lay a page out at when its file declares none: 300 dpi, as scanners deliver,
     * unless the image is too small to fill an A4 page (8.27 x 11.69 inches) at that: then as if it
     * were one, down to 72 dpi. A 614 x 864 photo of a page was laid out at 300 dpi, 5 x 7 cm, and
     * shown blown up from 204 pixels.
     */
    public static int assumedDpi(int widthPx, int heightPx) {
        double fillsA4 = Math.max(widthPx / 8.27, heightPx / 11.69);
        return (int) Math.round(Math.max(72, Math.min(DocumentReader.RENDER_DPI, fillsA4)));
    }

    /** Adds a page: the image as JPEG bytes, its size in pixels, its resolution, and the lines of text on it. */
    public void addPage(byte[] jpeg, int widthPx, int heightPx, int dpi, List<TextBox> lines) {
        addPage(new PageImage(jpeg, Encoding.JPEG, widthPx, heightPx, dpi), lines);
    }

    /** Adds a page: its image as encoded (drawn at its resolution) and the lines of text on it. */
    public void addPage(PageImage scan, List<TextBox> lines) {
        int widthPx = scan.widthPx();
        int heightPx = scan.heightPx();
        float scale = 72f / (scan.dpi() > 0 ? scan.dpi() : DocumentReader.RENDER_DPI);
        // PDF/A allows page sides of 3 to 14,400 points: a page longer than that is drawn smaller, a
        // strip thinner than 3 points lies on a page of 3
        scale = Math.min(scale, (MAX_SIDE_POINTS - 1) / Math.max(widthPx, heightPx));
        PDPage page = new PDPage(new PDRectangle(
                Math.max(MIN_SIDE_POINTS, widthPx * scale), Math.max(MIN_SIDE_POINTS, heightPx * scale)));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xObject(scan), 0, 0, widthPx * scale, heightPx * scale);
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

    /** How a page image is stored: a JPEG file (gray or colour), or a CCITT Group 4 stream of a 1-bit image. */
    public enum Encoding {
        JPEG,
        CCITT_G4
    }

    /** A page of a searchable PDF: its scanned image as encoded, its size and resolution. */
    public record PageImage(byte[] bytes, Encoding encoding, int widthPx, int heightPx, int dpi) {

        /**
         * Encodes a page image: a 1-bit (byte-binary) image as CCITT G4, any other as JPEG, gray when
         * the image is gray, colour otherwise.
         */
        public static PageImage of(BufferedImage image, int dpi) {
            boolean bilevel = image.getType() == BufferedImage.TYPE_BYTE_BINARY
                    && image.getColorModel().getPixelSize() == 1;
            return new PageImage(
                    bilevel ? ccitt(image) : jpeg(image),
                    bilevel ? Encoding.CCITT_G4 : Encoding.JPEG,
                    image.getWidth(),
                    image.getHeight(),
                    dpi);
        }
    }

    private PDImageXObject xObject(PageImage scan) throws IOException {
        if (scan.encoding() == Encoding.JPEG) {
            return JPEGFactory.createFromByteArray(document, scan.bytes());
        }
        PDImageXObject image = new PDImageXObject(
                document,
                new ByteArrayInputStream(scan.bytes()),
                COSName.CCITTFAX_DECODE,
                scan.widthPx(),
                scan.heightPx(),
                1,
                PDDeviceGray.INSTANCE);
        image.getCOSObject().setItem(COSName.DECODE_PARMS, g4Parameters(scan.widthPx(), scan.heightPx()));
        return image;
    }

    /** Group 4 (K −1) of the image's size, 0 bits black: as {@link CCITTFactory} writes them. */
    private static COSDictionary g4Parameters(int width, int height) {
        COSDictionary parameters = new COSDictionary();
        parameters.setInt(COSName.K, -1);
        parameters.setInt(COSName.COLUMNS, width);
        parameters.setInt(COSName.ROWS, height);
        return parameters;
    }

    private static byte[] ccitt(BufferedImage bilevel) {
        // PDFBox's encoder writes into a document's stream: a scratch one, only the encoded bytes are kept
        try (PDDocument scratch = new PDDocument();
                InputStream raw = CCITTFactory.createFromImage(scratch, bilevel)
                        .getCOSObject()
                        .createRawInputStream()) {
            return raw.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a 1-bit page as CCITT G4", e);
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The page images of a searchable PDF this class wrote, unchanged (the JPEG and CCITT streams as
     * stored, not decoded and compressed again), so a new text layer can be laid over the same images.
     */
    public static List<PageImage> pageImages(byte[] searchablePdf) {
        List<PageImage> images = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(searchablePdf)) {
            for (PDPage page : pdf.getPages()) {
                PDImageXObject image = null;
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject i) {
                        image = i;
                    }
                }
                Encoding encoding = image == null ? null : encoding(image);
                if (encoding == null) {
                    throw new IllegalArgumentException("page " + (images.size() + 1)
                            + " is not a scanned JPEG or CCITT G4 image: not a searchable PDF written by Dang'an");
                }
                try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                    int dpi = Math.round(
                            image.getWidth() * 72f / page.getMediaBox().getWidth());
                    images.add(new PageImage(raw.readAllBytes(), encoding, image.getWidth(), image.getHeight(), dpi));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the searchable PDF", e);
        }
        return images;
    }

    /** Whether a page of a searchable PDF shows a colour scan: a viewer renders it in colour, others gray. */
    public static boolean inColour(PDPage page) {
        try {
            return PdfImages.kind(page) == Images.Kind.COLOUR;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the images of a searchable PDF page", e);
        }
    }

    /** The encoding of an image this class wrote, or null for any other. */
    private static Encoding encoding(PDImageXObject image) {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.equals(List.of(COSName.DCT_DECODE))) {
            return Encoding.JPEG;
        }
        COSDictionary parameters = image.getCOSObject().getCOSDictionary(COSName.DECODE_PARMS);
        if (filters.equals(List.of(COSName.CCITTFAX_DECODE))
                && image.getBitsPerComponent() == 1
                && parameters != null
                && parameters
                        .keySet()
                        .equals(g4Parameters(image.getWidth(), image.getHeight())
                                .keySet())
                && parameters.getInt(COSName.K) == -1
                && parameters.getInt(COSName.COLUMNS) == image.getWidth()
                && parameters.getInt(COSName.ROWS) == image.getHeight()
                && image.getCOSObject().getDictionaryObject(COSName.DECODE) == null) {
            return Encoding.CCITT_G4;
        }
        return null;
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
