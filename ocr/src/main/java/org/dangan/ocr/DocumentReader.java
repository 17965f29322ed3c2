package org.dangan.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Opens a scan as pages: PDF (rendered at 300 dpi, JBIG2 included; a page with its own text
 * layer keeps that text), multi-page TIFF, PNG, JPEG. The type comes from the file's first bytes,
 * not its name. Refuses, with the reason, an empty file, an unknown type, an encrypted or corrupt
 * PDF, and a page of more pixels than allowed ({@link #MAX_PIXELS} unless the caller says) before
 * decoding it, whatever its header declares (a decompression bomb); in a PDF, both the rendered page
 * and each image it draws ({@link PdfImages}). Pages are produced one at a
 * time, so a 500-page PDF never sits in memory whole.
 */
public final class DocumentReader {

    public static final int RENDER_DPI = 300;
    /** A scanned page of a PDF is rendered at its own resolution, when lower than 300 dpi, but at this at least. */
    static final int LEAST_RENDER_DPI = 72;

    public static final long MAX_PIXELS = 100_000_000L; // an A3 page at 600 dpi is about 70 million
    /**
     * The longest side of a page: JPEG, in which pages are kept, cannot hold more (65,500), and a
     * strip a few pixels wide and 100,000 long costs minutes and gigabytes before failing there.
     * A3 at 1200 dpi is 19,843 px.
     */
    public static final int MAX_SIDE = 30_000;
    /** A TIFF's pages are counted up to this; a file past it is refused by the page limit. */
    static final int MAX_TIFF_PAGES = 100_000;
    /** A page whose own text has fewer characters than this is treated as a scan. */
    static final int TEXT_LAYER_MINIMUM = 20;

    public enum Type {
        PDF,
        TIFF,
        PNG,
        JPEG
    }

    private DocumentReader() {}

    public static Type typeOf(Path file) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            // the file store failing is not the document's fault: an error to retry, not a verdict
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        if (n == 0) {
            throw new UnreadableDocumentException("the file is empty (0 bytes)");
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return Type.PDF;
        }
        if (n >= 4
                && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                        || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return Type.TIFF;
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Type.PNG;
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Type.JPEG;
        }
        throw new UnreadableDocumentException("unsupported file type: not a PDF, TIFF, PNG or JPEG (it starts with "
                + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(n, 4)) + ")");
    }

    public static Pages open(Path file) {
        return open(file, MAX_PIXELS);
    }

    /** Opens the pages; one of more than {@code maxPixels} is refused before it is decoded or rendered. */
    public static Pages open(Path file, long maxPixels) {
        Type type = typeOf(file);
        return switch (type) {
            case PDF -> new PdfPages(file, maxPixels);
            case TIFF, PNG, JPEG -> new ImagePages(file, type, maxPixels);
        };
    }

    /** The pages of one document; not thread-safe: one reader hands pages to the workers. */
    public interface Pages extends AutoCloseable {

        int count();

        SourcePage page(int index);

        @Override
        void close();
    }

    private static final class PdfPages implements Pages {

        private final PDDocument document;
        private final PDFRenderer renderer;
        private final long maxPixels;

        PdfPages(Path file, long maxPixels) {
            this.maxPixels = maxPixels;
            try {
                document = Loader.loadPDF(file.toFile());
            } catch (InvalidPasswordException e) {
                throw new UnreadableDocumentException(
                        "the PDF is encrypted with a password; scan it again or remove the password");
            } catch (IOException e) {
                throw new UnreadableDocumentException("corrupt PDF: " + e.getMessage(), e);
            }
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                close();
                throw new UnreadableDocumentException("the PDF is encrypted and forbids reading its content");
            }
            if (document.getNumberOfPages() == 0) {
                close();
                throw new UnreadableDocumentException("the PDF has no pages");
            }
            renderer = new PDFRenderer(document);
            // an image drawn smaller than it is decodes at the size drawn, not at its own
            renderer.setSubsamplingAllowed(true);
        }

        @Override
        public int count() {
            return document.getNumberOfPages();
        }

        @Override
        public SourcePage page(int index) {
            try {
                var page = document.getPage(index);
                var box = page.getMediaBox();
                // the renderer decodes every image whole, at its own size, whatever the page's size
                PdfImages.check(page, index + 1, maxPixels);
                // a scan of lower resolution is read, kept and stored at its own
                int scan = PdfImages.scanDpi(page);
                int dpi = scan > 0 && scan < RENDER_DPI * 9 / 10 ? Math.max(LEAST_RENDER_DPI, scan) : RENDER_DPI;
                long pixels = (long) (box.getWidth() / 72 * dpi) * (long) (box.getHeight() / 72 * dpi);
                if (pixels > maxPixels) {
                    throw new UnreadableDocumentException("page " + (index + 1) + " is too large to render at " + dpi
                            + " dpi (" + pixels + " pixels)");
                }
                if (Math.max(box.getWidth(), box.getHeight()) / 72 * dpi > MAX_SIDE) {
                    throw new UnreadableDocumentException("page " + (index + 1) + " is " + Math.round(box.getWidth())
                            + "x" + Math.round(box.getHeight()) + " points, a side longer than " + MAX_SIDE
                            + " pixels at " + dpi + " dpi");
                }
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(index + 1);
                stripper.setEndPage(index + 1);
                String text = stripper.getText(document).strip();
                BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
                // recognition reads the gray rendering as before; the PDF keeps the page's own kind,
                // which costs a second rendering only for a page drawing colour images
                Images.Kind kind = PdfImages.kind(page);
                BufferedImage kept = switch (kind) {
                    case GRAY -> image;
                    case BILEVEL -> Images.bilevel(image);
                    case COLOUR -> renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
                };
                return new SourcePage(
                        index + 1,
                        image,
                        dpi,
                        text.codePointCount(0, text.length()) >= TEXT_LAYER_MINIMUM ? text : null,
                        kept);
            } catch (IOException e) {
                throw new UnreadableDocumentException(
                        "page " + (index + 1) + " of the PDF cannot be rendered: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                document.close();
            } catch (IOException ignored) {
                // closing a read-only document: nothing to lose
            }
        }
    }

    private static final class ImagePages implements Pages {

        private final ImageInputStream input;
        private final ImageReader reader;
        private final int count;
        private final long maxPixels;
        private final Path file;
        private final Type type;

        ImagePages(Path file, Type type, long maxPixels) {
            this.maxPixels = maxPixels;
            this.file = file;
            this.type = type;
            try {
                input = ImageIO.createImageInputStream(file.toFile());
                Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
                if (!readers.hasNext()) {
                    throw new UnreadableDocumentException("no reader for this image type");
                }
                reader = readers.next();
                reader.setInput(input, false, true);
                // a TIFF's pages are counted from its own list, which may loop; the reader would not stop
                count = type == Type.TIFF ? Resolution.tiffPages(file, MAX_TIFF_PAGES) : reader.getNumImages(true);
            } catch (IOException e) {
                throw new UnreadableDocumentException("corrupt image: " + e.getMessage(), e);
            }
            if (count == 0) {
                close();
                throw new UnreadableDocumentException("the image file holds no image");
            }
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public SourcePage page(int index) {
            try {
                long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
                if (pixels > maxPixels) {
                    throw new UnreadableDocumentException("page " + (index + 1) + " is " + reader.getWidth(index) + "x"
                            + reader.getHeight(index) + " pixels, more than the " + maxPixels + " allowed");
                }
                if (reader.getWidth(index) > MAX_SIDE || reader.getHeight(index) > MAX_SIDE) {
                    throw new UnreadableDocumentException("page " + (index + 1) + " is " + reader.getWidth(index) + "x"
                            + reader.getHeight(index) + " pixels, a side longer than the " + MAX_SIDE + " allowed");
                }
                BufferedImage image = reader.read(index);
                return new SourcePage(index + 1, image, dpi(index), null);
            } catch (IOException | RuntimeException e) {
                if (e instanceof UnreadableDocumentException u) {
                    throw u;
                }
                throw new UnreadableDocumentException(
                        "page " + (index + 1) + " of the image cannot be read: " + e.getMessage(), e);
            }
        }

        /**
         * The resolution the file declares: PNG's pHYs and TIFF's XResolution are read from the file
         * itself (the reader, told to ignore metadata so that a text chunk cannot inflate to gigabytes,
         * drops them), JPEG's JFIF density from the reader. 0 when absent or absurd.
         */
        private int dpi(int index) throws IOException {
            int dpi = switch (type) {
                case PNG -> Resolution.png(file);
                case TIFF -> Resolution.tiff(file, index);
                default -> Resolution.standard(reader.getImageMetadata(index));
            };
            return Resolution.plausible(dpi);
        }

        @Override
        public void close() {
            reader.dispose();
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing was written
            }
        }
    }
}
