package org.dangan.ocr;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType3CharProc;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The images a PDF page draws, measured from their dictionaries before any is decoded. PDFBox
 * decodes each image whole, whatever size the page shows it at: a 40000×40000 grey image of zeros
 * compresses to a megabyte and decodes to 1.6 GB, then to four times that as RGB. Image XObjects
 * (with their soft masks), inline images and the images inside form XObjects, tiling patterns and
 * annotation appearances are all looked at; forms nest at most {@link #MAX_DEPTH} deep.
 */
final class PdfImages {

    static final int MAX_DEPTH = 12;
    /** More XObjects on one page than this is no scan: refused rather than walked. */
    static final int MAX_OBJECTS = 10_000;

    /** The most tokens (operands and operators) the content of a page written by a scanner has. */
    static final int SCAN_TOKENS = 64;

    private static final COSName PATTERN_TYPE = COSName.getPDFName("PatternType");

    private final long maxPixels;
    private final int pageNumber;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private PdfImages(long maxPixels, int pageNumber) {
        this.maxPixels = maxPixels;
        this.pageNumber = pageNumber;
    }

    /** Refuses the page, as unreadable, when an image it draws has more than {@code maxPixels} pixels. */
    static void check(PDPage page, int pageNumber, long maxPixels) throws IOException {
        PdfImages images = new PdfImages(maxPixels, pageNumber);
        // the page's resources as drawn: a page without its own inherits those of the page tree above it
        images.resources(
                page.getResources() == null ? null : page.getResources().getCOSObject(), 0);
        images.inlineImages(new PDFStreamParser(page));
        COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annotations != null) {
            for (COSBase annotation : annotations) {
                if (resolve(annotation) instanceof COSDictionary dictionary
                        && dictionary.getCOSDictionary(COSName.AP) != null) {
                    COSBase normal =
                            resolve(dictionary.getCOSDictionary(COSName.AP).getDictionaryObject(COSName.N));
                    if (normal instanceof COSStream stream) {
                        images.stream(stream, 1);
                    } else if (normal instanceof COSDictionary states) {
                        for (COSBase state : states.getValues()) {
                            if (resolve(state) instanceof COSStream stream) {
                                images.stream(stream, 1);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The kind of scan a PDF page is, from the images it draws itself (checked by {@link #check}
     * first): 1-bit when all are 1-bit (JBIG2, CCITT, masks), colour when one is in a colour space,
     * gray otherwise and for a page drawing no image (vector drawings are rendered gray as before).
     */
    static Images.Kind kind(PDPage page) throws IOException {
        var resources = page.getResources();
        boolean any = false;
        boolean allBilevel = true;
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    any = true;
                    if (image.isStencil() || image.getBitsPerComponent() == 1) {
                        continue;
                    }
                    allBilevel = false;
                    var space = image.getColorSpace();
                    if (space instanceof PDIndexed indexed) {
                        space = indexed.getBaseColorSpace();
                    }
                    if (space.getNumberOfComponents() >= 3) {
                        return Images.Kind.COLOUR;
                    }
                }
            }
        }
        return any && allBilevel ? Images.Kind.BILEVEL : Images.Kind.GRAY;
    }

    /**
     * The resolution of a page that draws one image over the whole page and nothing else, as
     * scanners write PDFs: the image's pixels per inch as drawn (0 for any other page). Such a page
     * rendered at more than this only spreads the same pixels (a 75-dpi scan at 300 dpi is sixteen
     * times the pixels to read, keep and store, and would claim a resolution it has not).
     */
    static int scanDpi(PDPage page) throws IOException {
        var resources = page.getResources();
        if (resources == null) {
            return 0;
        }
        Matrix ctm = new Matrix();
        Deque<Matrix> saved = new ArrayDeque<>();
        List<COSBase> operands = new ArrayList<>();
        Matrix drawn = null;
        COSName drawnName = null;
        PDFStreamParser parser = new PDFStreamParser(page);
        try {
            int tokens = 0;
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                // a scanner's page is a handful of tokens: a long content stream is some other page,
                // and is not walked to its end here
                if (++tokens > SCAN_TOKENS) {
                    return 0;
                }
                if (!(token instanceof Operator operator)) {
                    operands.add((COSBase) token);
                    continue;
                }
                switch (operator.getName()) {
                    case "q" -> saved.push(ctm.clone());
                    case "Q" -> ctm = saved.isEmpty() ? ctm : saved.pop();
                    case "cm" -> {
                        if (operands.size() != 6 || !operands.stream().allMatch(COSNumber.class::isInstance)) {
                            return 0;
                        }
                        COSArray values = new COSArray(operands);
                        ctm = Matrix.createMatrix(values).multiply(ctm);
                    }
                    case "Do" -> {
                        if (drawn != null || operands.size() != 1 || !(operands.get(0) instanceof COSName name)) {
                            return 0;
                        }
                        drawn = ctm.clone();
                        drawnName = name;
                    }
                    default -> {
                        return 0;
                    }
                }
                operands.clear();
            }
        } finally {
            parser.close();
        }
        if (drawn == null
                || !(resources.getXObject(drawnName) instanceof PDImageXObject image)
                || Math.abs(drawn.getShearY()) > 0.01
                || Math.abs(drawn.getShearX()) > 0.01) {
            return 0;
        }
        var box = page.getCropBox();
        double width = Math.abs(drawn.getScaleX());
        double height = Math.abs(drawn.getScaleY());
        if (width < 0.95 * box.getWidth() || height < 0.95 * box.getHeight() || image.getWidth() <= 0) {
            return 0;
        }
        return (int) Math.round(image.getWidth() / (width / 72));
    }

    private void resources(COSDictionary resources, int depth) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName kind : new COSName[] {COSName.XOBJECT, COSName.PATTERN}) {
            COSDictionary named = resources.getCOSDictionary(kind);
            if (named != null) {
                for (COSBase value : named.getValues()) {
                    if (resolve(value) instanceof COSStream stream) {
                        stream(stream, depth + 1);
                    }
                }
            }
        }
        if (depth > MAX_DEPTH) {
            throw new UnreadableDocumentException(
                    "page " + pageNumber + " nests its drawings more than " + MAX_DEPTH + " deep");
        }
        // a Type 3 font's glyphs are drawings with resources of their own
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSBase value : fonts.getValues()) {
                if (resolve(value) instanceof COSDictionary font
                        && COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))
                        && seen.add(font)) {
                    resources(font.getCOSDictionary(COSName.RESOURCES), depth + 1);
                    COSDictionary glyphs = font.getCOSDictionary(COSName.CHAR_PROCS);
                    if (glyphs != null) {
                        for (COSBase glyph : glyphs.getValues()) {
                            if (resolve(glyph) instanceof COSStream procedure && seen.add(procedure)) {
                                inlineImages(new PDFStreamParser(new PDType3CharProc(null, procedure)));
                            }
                        }
                    }
                }
            }
        }
        // a soft mask in a graphics state is a transparency group drawn like a form
        COSDictionary states = resources.getCOSDictionary(COSName.EXT_G_STATE);
        if (states != null) {
            for (COSBase value : states.getValues()) {
                if (resolve(value) instanceof COSDictionary state
                        && resolve(state.getDictionaryObject(COSName.SMASK)) instanceof COSDictionary mask
                        && resolve(mask.getDictionaryObject(COSName.G)) instanceof COSStream group) {
                    stream(group, depth + 1);
                }
            }
        }
    }

    private void stream(COSStream stream, int depth) throws IOException {
        if (!seen.add(stream)) {
            return;
        }
        if (seen.size() > MAX_OBJECTS) {
            throw new UnreadableDocumentException(
                    "page " + pageNumber + " draws more than " + MAX_OBJECTS + " objects");
        }
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            image(stream.getInt(COSName.WIDTH, COSName.W, 0), stream.getInt(COSName.HEIGHT, COSName.H, 0));
            // a JPEG decodes at the size its own header gives, whatever the dictionary declares
            if (filtered(stream, COSName.DCT_DECODE)) {
                int[] size = jpegSize(stream);
                image(size[0], size[1]);
            }
            for (COSName mask : new COSName[] {COSName.SMASK, COSName.MASK}) {
                if (resolve(stream.getDictionaryObject(mask)) instanceof COSStream masking) {
                    stream(masking, depth);
                }
            }
            return;
        }
        boolean form = COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE));
        boolean tiling = stream.getInt(PATTERN_TYPE, 0) == 1;
        if (!form && !tiling) {
            return; // PostScript XObjects and the like are not drawn
        }
        if (depth > MAX_DEPTH) {
            throw new UnreadableDocumentException(
                    "page " + pageNumber + " nests its drawings more than " + MAX_DEPTH + " deep");
        }
        resources(stream.getCOSDictionary(COSName.RESOURCES), depth);
        inlineImages(new PDFStreamParser(new PDFormXObject(stream)));
    }

    private static boolean filtered(COSStream stream, COSName filter) {
        COSBase filters = resolve(stream.getDictionaryObject(COSName.FILTER));
        if (filters instanceof COSArray array) {
            for (COSBase one : array) {
                if (filter.equals(resolve(one))) {
                    return true;
                }
            }
            return false;
        }
        return filter.equals(filters);
    }

    /**
     * Width and height from the JPEG's start-of-frame segment, read from the raw bytes (at most the
     * header's few segments, never the image data); {0, 0} when the stream is no JPEG the reader
     * understands, which the renderer will then refuse on its own.
     */
    private static int[] jpegSize(COSStream stream) throws IOException {
        try (InputStream raw = stream.createRawInputStream();
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
                return new int[] {0, 0};
            }
            for (int segments = 0; segments < 64; segments++) {
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {
                    marker = in.readUnsignedByte();
                }
                int length = in.readUnsignedShort();
                boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (frame) {
                    in.readUnsignedByte(); // sample precision
                    int height = in.readUnsignedShort();
                    int width = in.readUnsignedShort();
                    return new int[] {width, height};
                }
                if (marker == 0xDA || length < 2) {
                    break;
                }
                in.skipNBytes(length - 2L);
                if (in.readUnsignedByte() != 0xFF) {
                    break;
                }
            }
        } catch (EOFException truncated) {
            // no frame header: nothing to measure
        }
        return new int[] {0, 0};
    }

    /** Inline images (BI … ID … EI) sit in the content itself; their data is at most the stream's. */
    private void inlineImages(PDFStreamParser parser) throws IOException {
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator operator && operator.getImageParameters() != null) {
                    COSDictionary parameters = operator.getImageParameters();
                    image(
                            parameters.getInt(COSName.W, COSName.WIDTH, 0),
                            parameters.getInt(COSName.H, COSName.HEIGHT, 0));
                }
            }
        } finally {
            parser.close();
        }
    }

    private void image(int width, int height) {
        long pixels = (long) Math.max(width, 0) * Math.max(height, 0);
        if (pixels > maxPixels) {
            throw new UnreadableDocumentException("page " + pageNumber + " draws an image of " + width + "x" + height
                    + " pixels, more than the " + maxPixels + " allowed");
        }
    }

    private static COSBase resolve(COSBase value) {
        return value instanceof COSObject reference ? reference.getObject() : value;
    }
}
