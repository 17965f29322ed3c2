package org.dangan.ocr.paddle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the detection model's probability map into line boxes, as PaddleOCR's DBPostProcess does
 * with OpenCV: the pixels above the threshold form regions (8-connected, as cv2.findContours sees
 * them); each region's minimum-area rectangle is kept when it is wide enough and the mean
 * probability inside it is high, then grown by the unclip distance and scaled back to the page.
 * Written out here because OpenCV for Java would add 100 MB of natives for three functions.
 */
final class TextRegions {

    static final float PIXEL_THRESHOLD = 0.3f;
    static final float BOX_THRESHOLD = 0.6f;
    static final double UNCLIP_RATIO = 1.5;
    static final int MAX_CANDIDATES = 1000;
    static final int MIN_SIZE = 3;

    private TextRegions() {}

    /** A rotated rectangle: centre, unit direction of its first side, the two side lengths. */
    record Rect(double cx, double cy, double ux, double uy, double w, double h) {

        double shortSide() {
            return Math.min(w, h);
        }

        Rect grown(double d) {
            return new Rect(cx, cy, ux, uy, w + 2 * d, h + 2 * d);
        }

        double[][] corners() {
            double ax = ux * w / 2;
            double ay = uy * w / 2;
            double bx = -uy * h / 2;
            double by = ux * h / 2;
            return new double[][] {
                {cx - ax - bx, cx + ax - bx, cx + ax + bx, cx - ax + bx},
                {cy - ay - by, cy + ay - by, cy + ay + by, cy - ay + by}
            };
        }
    }

    /**
     * The boxes of the text lines on a page of {@code pageWidth} x {@code pageHeight} pixels, from a
     * probability map of {@code mapWidth} x {@code mapHeight} (row-major).
     */
    static List<Quad> boxes(float[] map, int mapWidth, int mapHeight, int pageWidth, int pageHeight) {
        List<int[]> regions = regions(map, mapWidth, mapHeight);
        List<Quad> boxes = new ArrayList<>();
        for (int[] hull : regions.subList(0, Math.min(regions.size(), MAX_CANDIDATES))) {
            Rect rect = minAreaRect(hull);
            if (rect == null || rect.shortSide() < MIN_SIZE) {
                continue;
            }
            double[][] c = rect.corners();
            if (score(map, mapWidth, mapHeight, c[0], c[1]) < BOX_THRESHOLD) {
                continue;
            }
            // pyclipper's offset of a rectangle with round joins, then its minimum-area rectangle again,
            // is the rectangle grown by the distance on every side
            double distance = rect.w * rect.h * UNCLIP_RATIO / (2 * (rect.w + rect.h));
            Rect grown = rect.grown(distance);
            if (grown.shortSide() < MIN_SIZE + 2) {
                continue;
            }
            double[][] g = grown.corners();
            double[] px = new double[4];
            double[] py = new double[4];
            for (int i = 0; i < 4; i++) {
                px[i] = clip(Math.round(g[0][i] / mapWidth * pageWidth), pageWidth);
                py[i] = clip(Math.round(g[1][i] / mapHeight * pageHeight), pageHeight);
            }
            Quad quad = Quad.ordered(px, py);
            if ((int) quad.topWidth() <= 3 || (int) quad.leftHeight() <= 3) {
                continue;
            }
            boxes.add(quad);
        }
        return boxes;
    }

    private static double clip(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /**
     * The regions of pixels above the threshold, each as the convex hull of its pixels (x, y pairs
     * flattened), in the order their first pixel is met scanning rows.
     */
    static List<int[]> regions(float[] map, int width, int height) {
        int[] label = new int[width * height];
        int[] stack = new int[width * height];
        List<int[]> hulls = new ArrayList<>();
        int next = 0;
        int[] rowMin = new int[height];
        int[] rowMax = new int[height];
        Arrays.fill(rowMin, Integer.MAX_VALUE);
        Arrays.fill(rowMax, -1);
        for (int start = 0; start < label.length; start++) {
            if (label[start] != 0 || map[start] <= PIXEL_THRESHOLD) {
                continue;
            }
            next++;
            int top = height;
            int bottom = -1;
            int sp = 0;
            stack[sp++] = start;
            label[start] = next;
            while (sp > 0) {
                int p = stack[--sp];
                int x = p % width;
                int y = p / width;
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                rowMin[y] = Math.min(rowMin[y], x);
                rowMax[y] = Math.max(rowMax[y], x);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= width) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (label[q] == 0 && map[q] > PIXEL_THRESHOLD) {
                            label[q] = next;
                            stack[sp++] = q;
                        }
                    }
                }
            }
            // the hull of a region is the hull of its rows' ends
            int[] points = new int[(bottom - top + 1) * 4];
            int n = 0;
            for (int y = top; y <= bottom; y++) {
                if (rowMax[y] < 0) {
                    continue;
                }
                points[n++] = rowMin[y];
                points[n++] = y;
                if (rowMax[y] != rowMin[y]) {
                    points[n++] = rowMax[y];
                    points[n++] = y;
                }
                rowMin[y] = Integer.MAX_VALUE;
                rowMax[y] = -1;
            }
            hulls.add(convexHull(Arrays.copyOf(points, n)));
        }
        return hulls;
    }

    /** Andrew's monotone chain over x, y pairs; the hull counter-clockwise in image coordinates. */
    static int[] convexHull(int[] xy) {
        int n = xy.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> xy[2 * a] != xy[2 * b]
                        ? Integer.compare(xy[2 * a], xy[2 * b])
                        : Integer.compare(xy[2 * a + 1], xy[2 * b + 1]));
        if (n < 3) {
            int[] out = new int[2 * n];
            for (int i = 0; i < n; i++) {
                out[2 * i] = xy[2 * order[i]];
                out[2 * i + 1] = xy[2 * order[i] + 1];
            }
            return out;
        }
        int[] hull = new int[2 * (2 * n)];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int lower = k;
            for (int j = 0; j < n; j++) {
                int i = order[pass == 0 ? j : n - 1 - j];
                int px = xy[2 * i];
                int py = xy[2 * i + 1];
                while (k - lower >= 2 && cross(hull, k - 2, k - 1, px, py) <= 0) {
                    k--;
                }
                hull[2 * k] = px;
                hull[2 * k + 1] = py;
                k++;
            }
            k--; // the last point is the first of the other chain
        }
        return Arrays.copyOf(hull, 2 * k);
    }

    private static long cross(int[] h, int a, int b, int px, int py) {
        long ax = h[2 * b] - h[2 * a];
        long ay = h[2 * b + 1] - h[2 * a + 1];
        long bx = px - h[2 * a];
        long by = py - h[2 * a + 1];
        return ax * by - ay * bx;
    }

    /** The minimum-area enclosing rectangle of a convex hull (rotating calipers); null below three points. */
    static Rect minAreaRect(int[] hull) {
        int n = hull.length / 2;
        if (n < 3) {
            return null;
        }
        Rect best = null;
        double bestArea = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ex = hull[2 * j] - hull[2 * i];
            double ey = hull[2 * j + 1] - hull[2 * i + 1];
            double len = Math.hypot(ex, ey);
            if (len == 0) {
                continue;
            }
            double ux = ex / len;
            double uy = ey / len;
            double minU = Double.MAX_VALUE;
            double maxU = -Double.MAX_VALUE;
            double minV = Double.MAX_VALUE;
            double maxV = -Double.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                double u = hull[2 * k] * ux + hull[2 * k + 1] * uy;
                double v = -hull[2 * k] * uy + hull[2 * k + 1] * ux;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea) {
                bestArea = area;
                double cu = (minU + maxU) / 2;
                double cv = (minV + maxV) / 2;
                best = new Rect(cu * ux - cv * uy, cu * uy + cv * ux, ux, uy, maxU - minU, maxV - minV);
            }
        }
        return best;
    }

    /** Mean probability inside the box (PaddleOCR's box_score_fast), the box in map pixels. */
    static double score(float[] map, int width, int height, double[] bx, double[] by) {
        int xmin = clampInt((int) Math.floor(min(bx)), width - 1);
        int xmax = clampInt((int) Math.ceil(max(bx)), width - 1);
        int ymin = clampInt((int) Math.floor(min(by)), height - 1);
        int ymax = clampInt((int) Math.ceil(max(by)), height - 1);
        double sum = 0;
        int count = 0;
        for (int y = ymin; y <= ymax; y++) {
            for (int x = xmin; x <= xmax; x++) {
                if (inside(bx, by, x, y)) {
                    sum += map[y * width + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Inside the convex quadrilateral or on its edge (cv2.fillPoly fills the edge too), half a pixel of slack. */
    private static boolean inside(double[] bx, double[] by, double x, double y) {
        boolean positive = false;
        boolean negative = false;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            double ex = bx[j] - bx[i];
            double ey = by[j] - by[i];
            double len = Math.hypot(ex, ey);
            double c = len == 0 ? 0 : (ex * (y - by[i]) - ey * (x - bx[i])) / len;
            if (c > 0.5) {
                positive = true;
            } else if (c < -0.5) {
                negative = true;
            }
        }
        return !(positive && negative);
    }

    private static int clampInt(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static double min(double[] v) {
        return Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
    }

    private static double max(double[] v) {
        return Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
    }
}
