package org.dangan.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The checks of a scanned page after DA/T 31-2017 (纸质档案数字化规范): resolution (at least 200
 * dpi, 300 recommended), blank pages, and skew, which is measured so the page can be straightened
 * before recognition.
 */
public record PageQuality(int dpi, boolean blank, double skewDegrees, List<Issue> issues) {

    public static final int MINIMUM_DPI = 200;
    public static final int RECOMMENDED_DPI = 300;
    /** Skews smaller than this are left alone: straightening costs sharpness. */
    public static final double DESKEW_FROM = 0.3;

    static final double DARK_SHARE_OF_A_BLANK_PAGE = 0.002;

    public enum Issue {
        RESOLUTION_BELOW_MINIMUM,
        RESOLUTION_BELOW_RECOMMENDED,
        RESOLUTION_UNKNOWN,
        BLANK,
        SKEWED
    }

    public PageQuality {
        issues = List.copyOf(issues);
    }

    public static PageQuality of(BufferedImage page, int dpi) {
        BufferedImage gray = Images.gray(page);
        List<Issue> issues = new ArrayList<>();
        if (dpi <= 0) {
            issues.add(Issue.RESOLUTION_UNKNOWN);
        } else if (dpi < MINIMUM_DPI) {
            issues.add(Issue.RESOLUTION_BELOW_MINIMUM);
        } else if (dpi < RECOMMENDED_DPI) {
            issues.add(Issue.RESOLUTION_BELOW_RECOMMENDED);
        }
        // work on a copy at most 1,000 pixels wide: enough for these measures, fast
        int step = Math.max(1, gray.getWidth() / 1000);
        List<int[]> dark = new ArrayList<>();
        long seen = 0;
        var raster = gray.getRaster();
        for (int y = 0; y < gray.getHeight(); y += step) {
            for (int x = 0; x < gray.getWidth(); x += step) {
                seen++;
                if (raster.getSample(x, y, 0) < 128) {
                    dark.add(new int[] {x / step, y / step});
                }
            }
        }
        boolean blank = dark.size() < seen * DARK_SHARE_OF_A_BLANK_PAGE;
        if (blank) {
            issues.add(Issue.BLANK);
            return new PageQuality(dpi, true, 0, issues);
        }
        double skew = skew(dark, gray.getHeight() / step + 1);
        if (Math.abs(skew) >= DESKEW_FROM) {
            issues.add(Issue.SKEWED);
        }
        return new PageQuality(dpi, false, skew, issues);
    }

    /**
     * The angle (degrees, clockwise positive) by which the text lines lean: for each candidate
     * angle the dark pixels are projected on the vertical axis; text lines give the sharpest
     * profile (largest sum of squares) when the angle cancels the skew. Angles are tried every half
     * degree from -5 to 5, then every tenth around the best: the profile's peak is wider than half
     * a degree for lines up to a thousand pixels long, so it is not stepped over.
     */
    static double skew(List<int[]> dark, int height) {
        int[] xs = new int[dark.size()];
        int[] ys = new int[dark.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = dark.get(i)[0];
            ys[i] = dark.get(i)[1];
        }
        long[] rows = new long[3 * height];
        double coarse = 0;
        double bestScore = -1;
        for (int tenths = -50; tenths <= 50; tenths += 5) {
            double score = sharpness(xs, ys, height, tenths / 10.0, rows);
            if (score > bestScore) {
                bestScore = score;
                coarse = tenths / 10.0;
            }
        }
        double best = coarse;
        for (int tenths = -4; tenths <= 4; tenths++) {
            double angle = coarse + tenths / 10.0;
            if (tenths != 0 && Math.abs(angle) <= 5.0001) {
                double score = sharpness(xs, ys, height, angle, rows);
                if (score > bestScore) {
                    bestScore = score;
                    best = angle;
                }
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    private static double sharpness(int[] xs, int[] ys, int height, double angle, long[] rows) {
        Arrays.fill(rows, 0);
        double t = Math.tan(Math.toRadians(angle));
        for (int i = 0; i < xs.length; i++) {
            int row = (int) Math.round(ys[i] - xs[i] * t) + height;
            if (row >= 0 && row < rows.length) {
                rows[row]++;
            }
        }
        double score = 0;
        for (long r : rows) {
            score += (double) r * r;
        }
        return score;
    }
}
