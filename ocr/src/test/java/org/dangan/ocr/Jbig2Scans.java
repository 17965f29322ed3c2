package org.dangan.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned PDFs whose pages are JBIG2, as many document scanners and archiving tools write them.
 * Nothing here encodes JBIG2 arithmetic coding, but JBIG2 also allows a generic region coded as
 * CCITT T.6 ("MMR"), which the JDK's TIFF writer produces: the page's T.6 data from a one-tile TIFF
 * becomes an immediate lossless generic region behind a page information segment (T.88 7.4.8,
 * 7.4.6), in the embedded organisation PDF uses.
 */
final class Jbig2Scans {

    private Jbig2Scans() {}

    /** One page per image, each image thresholded to black and white, at 300 dpi. */
    static Path pdf(BufferedImage page, Path file) throws IOException {
        // T.6 tiles come in multiples of 16 pixels; the page is cut to fit
        int width = page.getWidth() / 16 * 16;
        int height = page.getHeight() / 16 * 16;
        byte[] mmr = mmr(bilevel(page, width, height));
        ByteArrayOutputStream jbig2 = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(jbig2);
        segmentHeader(out, 0, 48, 19);
        out.writeInt(width);
        out.writeInt(height);
        out.writeInt(0); // resolution unknown: the PDF page says it
        out.writeInt(0);
        out.writeByte(0); // lossless, white background, OR combination
        out.writeShort(0); // not striped
        segmentHeader(out, 1, 39, 18 + mmr.length);
        out.writeInt(width);
        out.writeInt(height);
        out.writeInt(0);
        out.writeInt(0);
        out.writeByte(0); // OR
        out.writeByte(1); // MMR coding
        out.write(mmr);
        out.flush();
        try (PDDocument doc = new PDDocument()) {
            PDPage pdfPage = new PDPage(new PDRectangle(width * 72f / 300, height * 72f / 300));
            doc.addPage(pdfPage);
            PDImageXObject image = new PDImageXObject(
                    doc,
                    new ByteArrayInputStream(jbig2.toByteArray()),
                    COSName.JBIG2_DECODE,
                    width,
                    height,
                    1,
                    PDDeviceGray.INSTANCE);
            try (PDPageContentStream c = new PDPageContentStream(doc, pdfPage)) {
                c.drawImage(
                        image,
                        0,
                        0,
                        pdfPage.getMediaBox().getWidth(),
                        pdfPage.getMediaBox().getHeight());
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** Index 0 white, 1 black: a TIFF of it is WhiteIsZero, so its T.6 bits mean what JBIG2's mean. */
    private static BufferedImage bilevel(BufferedImage page, int width, int height) {
        byte[] levels = {(byte) 0xff, 0};
        BufferedImage bw = new BufferedImage(
                width, height, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, levels, levels, levels));
        Graphics2D g = bw.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return bw;
    }

    private static byte[] mmr(BufferedImage bw) throws IOException {
        ImageWriter writer = jdk(ImageIO.getImageWritersByFormatName("tiff"));
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("CCITT T.6");
        param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
        param.setTiling(bw.getWidth(), bw.getHeight(), 0, 0);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(tiff)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(bw, null, null), param);
        }
        writer.dispose();
        byte[] bytes = tiff.toByteArray();
        ImageReader reader = jdk(ImageIO.getImageReadersByFormatName("tiff"));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
            if (directory
                                    .getTIFFField(BaselineTIFFTagSet.TAG_PHOTOMETRIC_INTERPRETATION)
                                    .getAsInt(0)
                            != BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_WHITE_IS_ZERO
                    || directory
                                    .getTIFFField(BaselineTIFFTagSet.TAG_TILE_OFFSETS)
                                    .getCount()
                            != 1) {
                throw new IllegalStateException("the JDK's TIFF writer did not write one WhiteIsZero tile");
            }
            int offset = (int)
                    directory.getTIFFField(BaselineTIFFTagSet.TAG_TILE_OFFSETS).getAsLong(0);
            int length = (int) directory
                    .getTIFFField(BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS)
                    .getAsLong(0);
            return Arrays.copyOfRange(bytes, offset, offset + length);
        } finally {
            reader.dispose();
        }
    }

    /** The JDK's own TIFF plugin: tess4j brings jai-imageio's, which writes strips whatever is asked. */
    private static <T> T jdk(java.util.Iterator<T> plugins) {
        while (plugins.hasNext()) {
            T plugin = plugins.next();
            if (plugin.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return plugin;
            }
        }
        throw new IllegalStateException("the JDK's TIFF plugin is missing");
    }

    /** T.88 7.2: number, type, no referred-to segments, page 1, data length. */
    private static void segmentHeader(DataOutputStream out, int number, int type, int length) throws IOException {
        out.writeInt(number);
        out.writeByte(type);
        out.writeByte(0);
        out.writeByte(1);
        out.writeInt(length);
    }
}
