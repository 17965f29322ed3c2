package org.dangan.ocr.paddle;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;

/**
 * A page as 8-bit blue, green, red triples (the order PaddleOCR's models were trained on, as OpenCV
 * reads files), transparent pixels on white, or as gray bytes taken as they are, and the
 * samplings the models' inputs need.
 */
final class Pixels {

    final int width;
    final int height;
    /** 3: blue, green, red per pixel; 1: gray, the same value in every channel. */
    final int channels;

    final byte[] bgr;

    private Pixels(int width, int height, int channels, byte[] bgr) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.bgr = bgr;
    }

    static Pixels of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getNumBanks() == 1
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            // most scans are gray: read the image's own bytes, a third of the memory and no copy
            return new Pixels(image.getWidth(), image.getHeight(), 1, bytes.getData());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (a != 255) {
                    r = (r * a + 255 * (255 - a)) / 255;
                    g = (g * a + 255 * (255 - a)) / 255;
                    b = (b * a + 255 * (255 - a)) / 255;
                }
                out[o++] = (byte) b;
                out[o++] = (byte) g;
                out[o++] = (byte) r;
            }
        }
        return new Pixels(w, h, 3, out);
    }

    /** The page turned clockwise by a multiple of 90 degrees. */
    Pixels rotated(int degrees) {
        int turns = Math.floorMod(degrees, 360) / 90;
        if (turns == 0) {
            return this;
        }
        int w = turns % 2 == 1 ? height : width;
        int h = turns % 2 == 1 ? width : height;
        byte[] out = new byte[bgr.length];
        int n = channels;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx;
                int ny;
                switch (turns) {
                    case 1 -> {
                        nx = height - 1 - y;
                        ny = x;
                    }
                    case 2 -> {
                        nx = width - 1 - x;
                        ny = height - 1 - y;
                    }
                    default -> {
                        nx = y;
                        ny = width - 1 - x;
                    }
                }
                System.arraycopy(bgr, (y * width + x) * n, out, (ny * w + nx) * n, n);
            }
        }
        return new Pixels(w, h, n, out);
    }

    /**
     * Bilinear sample at (x, y), pixel centres at integers, edges replicated: the page's channels
     * (one or three) into {@code values}.
     */
    void sample(double x, double y, float[] values) {
        x = Math.max(0, Math.min(width - 1, x));
        y = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float wa = (1 - fx) * (1 - fy);
        float wb = fx * (1 - fy);
        float wd = (1 - fx) * fy;
        float we = fx * fy;
        int n = channels;
        int a = (y0 * width + x0) * n;
        int b = (y0 * width + x1) * n;
        int d = (y1 * width + x0) * n;
        int e = (y1 * width + x1) * n;
        for (int c = 0; c < n; c++) {
            values[c] = (bgr[a + c] & 0xff) * wa
                    + (bgr[b + c] & 0xff) * wb
                    + (bgr[d + c] & 0xff) * wd
                    + (bgr[e + c] & 0xff) * we;
        }
    }

    /**
     * The page scaled to {@code w} x {@code h} (bilinear, as cv2.resize with INTER_LINEAR: pixel
     * centres aligned), as a normalised NCHW tensor: (v/255 - mean[c]) / std[c] per channel.
     */
    float[] resizedTensor(int w, int h, float[] mean, float[] std) {
        float[] out = new float[3 * w * h];
        double sx = (double) width / w;
        double sy = (double) height / h;
        int plane = w * h;
        float[] v = new float[3];
        for (int y = 0; y < h; y++) {
            double srcY = (y + 0.5) * sy - 0.5;
            for (int x = 0; x < w; x++) {
                double srcX = (x + 0.5) * sx - 0.5;
                int o = y * w + x;
                sample(srcX, srcY, v);
                for (int c = 0; c < 3; c++) {
                    out[c * plane + o] = (v[channels == 1 ? 0 : c] / 255f - mean[c]) / std[c];
                }
            }
        }
        return out;
    }

    /**
     * The straightened line inside {@code quad}, scaled to {@code outW} x {@code outH} and written
     * normalised as (v/255 - 0.5)/0.5 into {@code tensor} (NCHW, {@code padW} wide, at item
     * {@code item}); {@code turned} reads it turned 90 degrees counter-clockwise (a tall box).
     * One sampling for the perspective crop and the resize PaddleOCR does in two.
     */
    void cropInto(Quad quad, boolean turned, int outW, int outH, float[] tensor, int item, int padW) {
        int cw = quad.cropWidth();
        int ch = quad.cropHeight();
        double[] hmat = homography(cw, ch, quad);
        // the crop as the model sees it: turned counter-clockwise, width and height swap
        int viewW = turned ? ch : cw;
        int viewH = turned ? cw : ch;
        int plane = outH * padW;
        int base = item * 3 * plane;
        float[] v = new float[3];
        for (int y = 0; y < outH; y++) {
            double vy = (y + 0.5) * viewH / outH - 0.5;
            for (int x = 0; x < outW; x++) {
                double vx = (x + 0.5) * viewW / outW - 0.5;
                double cx = turned ? viewH - 1 - vy : vx;
                double cy = turned ? vx : vy;
                double wz = hmat[6] * cx + hmat[7] * cy + hmat[8];
                double sx = (hmat[0] * cx + hmat[1] * cy + hmat[2]) / wz;
                double sy = (hmat[3] * cx + hmat[4] * cy + hmat[5]) / wz;
                int o = base + y * padW + x;
                sample(sx, sy, v);
                for (int c = 0; c < 3; c++) {
                    tensor[o + c * plane] = (v[channels == 1 ? 0 : c] / 255f - 0.5f) / 0.5f;
                }
            }
        }
    }

    /** The projective map from the crop's rectangle (0,0)-(w,h) to the quadrilateral on the page. */
    static double[] homography(int w, int h, Quad q) {
        double[] u = {0, w, w, 0};
        double[] v = {0, 0, h, h};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            a[2 * i] = new double[] {u[i], v[i], 1, 0, 0, 0, -u[i] * q.x()[i], -v[i] * q.x()[i], q.x()[i]};
            a[2 * i + 1] = new double[] {0, 0, 0, u[i], v[i], 1, -u[i] * q.y()[i], -v[i] * q.y()[i], q.y()[i]};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[col][col]) < 1e-12) {
                // a flat box: fall back to the axis-aligned rectangle at its top left
                return new double[] {1, 0, q.x()[0], 0, 1, q.y()[0], 0, 0, 1};
            }
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] hm = new double[9];
        for (int i = 0; i < 8; i++) {
            hm[i] = a[i][8] / a[i][i];
        }
        hm[8] = 1;
        return hm;
    }
}
