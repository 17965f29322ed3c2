package org.dangan.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** The image operations the pipeline needs: on 8-bit gray images, and on colour and 1-bit pages kept as scanned. */
final class Images {

    /** What a page is kept as in the searchable PDF: 1-bit, 8-bit gray, or colour. */
    enum Kind {
        BILEVEL,
        GRAY,
        COLOUR
    }

    /** A pixel whose channels differ by this much is coloured, not a gray tinted by JPEG noise. */
    static final int CHROMA = 48;
    /**
     * Coloured pixels (of every other pixel in every other row) that make a page colour: a patch of
     * about 20×20 pixels, under 2 mm at 300 dpi, so a small red seal keeps its colour.
     */
    static final int COLOURED_SAMPLES = 100;

    private Images() {}

    /**
     * The kind of a scan: 1-bit when its file says so (two gray levels), colour when it has colour
     * pixels, gray otherwise (an RGB file whose pixels are all gray is gray).
     */
    static Kind kindOf(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model.getPixelSize() == 1 && grayPalette(model)) {
            return Kind.BILEVEL;
        }
        if (model.getNumColorComponents() < 3 && !(model instanceof IndexColorModel)) {
            return Kind.GRAY;
        }
        int w = image.getWidth();
        int[] row = new int[w];
        int[] samples = new int[w * 4];
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            argbRow(image, y, row, samples);
            for (int x = 0; x < w; x += 2) {
                int argb = row[x];
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if ((argb >>> 24) > 128
                        && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= CHROMA
                        && ++coloured >= COLOURED_SAMPLES) {
                    return Kind.COLOUR;
                }
            }
        }
        return Kind.GRAY;
    }

    private static boolean grayPalette(ColorModel model) {
        if (!(model instanceof IndexColorModel palette)) {
            return true;
        }
        for (int i = 0; i < palette.getMapSize(); i++) {
            if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** 1-bit black and white (a byte-binary image, 0 black) from a gray image, black below half. */
    static BufferedImage bilevel(BufferedImage gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        byte[] bits = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int stride = (w + 7) / 8;
        Raster in = gray(gray).getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            in.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                if (row[x] >= 128) {
                    bits[y * stride + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                }
            }
        }
        return out;
    }

    /**
     * Gray with Leptonica's weights (0.3 red, 0.5 green, 0.2 blue), as Tesseract converts colour
     * itself: Java2D's conversion goes through linear light and reads faint scans worse.
     */
    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        int[] samples = new int[w * 4];
        for (int y = 0; y < h; y++) {
            argbRow(image, y, row, samples);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int v = (int) (0.3 * r + 0.5 * g + 0.2 * b + 0.5);
                // transparent pixels on white, as a printed page
                v = (v * alpha + 255 * (255 - alpha)) / 255;
                out[y * w + x] = (byte) Math.min(255, v);
            }
        }
        return gray;
    }

    /** The image as packed R, G, B bytes (a 3-byte raster in that order), on white where transparent. */
    static BufferedImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster =
                Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * 3, 3, new int[] {0, 1, 2}, null);
        byte[] out = ((DataBufferByte) raster.getDataBuffer()).getData();
        // row by row, not drawImage: Java2D has no direct loop into this raster and goes through
        // the colour model pixel by pixel, a tenth of a second on every A4 colour page
        int[] row = new int[w];
        int[] samples = new int[w * 4];
        for (int y = 0; y < h; y++) {
            argbRow(image, y, row, samples);
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int transparent = 255 - alpha;
                out[o++] = (byte) ((((argb >> 16) & 0xff) * alpha + 255 * transparent) / 255);
                out[o++] = (byte) ((((argb >> 8) & 0xff) * alpha + 255 * transparent) / 255);
                out[o++] = (byte) (((argb & 0xff) * alpha + 255 * transparent) / 255);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * One row as ARGB. {@link BufferedImage#getRGB} goes through the colour model pixel by pixel
     * for the byte-interleaved images a JPEG decodes to; their samples are read as they lie.
     */
    static void argbRow(BufferedImage image, int y, int[] row, int[] samples) {
        int w = image.getWidth();
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR) {
            // the raster's bands are red, green, blue (and alpha), whatever their order in memory
            boolean alpha = type == BufferedImage.TYPE_4BYTE_ABGR;
            int bands = alpha ? 4 : 3;
            image.getRaster().getPixels(0, y, w, 1, samples);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int a = alpha ? samples[i + 3] : 255;
                row[x] = a << 24 | samples[i] << 16 | samples[i + 1] << 8 | samples[i + 2];
            }
        } else {
            image.getRGB(0, y, w, 1, row, 0, w);
        }
    }

    /** Turns the image clockwise by a multiple of 90 degrees. */
    static BufferedImage rotate(BufferedImage image, int degrees) {
        int turns = Math.floorMod(degrees, 360) / 90;
        if (turns == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = turns % 2 == 1;
        BufferedImage rotated = image.getType() == BufferedImage.TYPE_CUSTOM
                ? rgbOfSize(sideways ? h : w, sideways ? w : h)
                : new BufferedImage(sideways ? h : w, sideways ? w : h, image.getType());
        Graphics2D g = rotated.createGraphics();
        AffineTransform t = new AffineTransform();
        switch (turns) {
            case 1 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 2 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            default -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
            }
        }
        g.drawImage(image, t, null);
        g.dispose();
        return rotated;
    }

    private static BufferedImage rgbOfSize(int w, int h) {
        return rgb(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY));
    }

    /**
     * Turns the image by a small angle (degrees, clockwise positive) around its centre, on white: a
     * gray image stays gray, any other comes back as {@link #rgb} colour.
     */
    static BufferedImage deskew(BufferedImage gray, double degrees) {
        BufferedImage out = gray.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY)
                : rgbOfSize(gray.getWidth(), gray.getHeight());
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0);
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        return out;
    }
}
