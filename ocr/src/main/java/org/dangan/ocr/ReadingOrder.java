package org.dangan.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a person reads the lines of a page, from their boxes alone, for either
 * engine: a page set in columns is read column by column, anything else (prose, a lab report's
 * table, a form) row by row, left to right. Columns are found as a vertical gutter: an x-band that
 * at least half a line height wide, crossed by at most a tenth of the lines narrower than 60% of the
 * text, with at least three prose lines (six line heights wide) wholly on each side, so a table's
 * narrow cells never make columns. Lines crossing the gutter (a title over both columns) cut the
 * page into segments, each read left column then right; each column is ordered the same way again
 * (three columns). Measured on the test pages: a two-column scan falls from CER 0.90 to 0.10 once
 * read by columns (docs/ocr.md).
 */
public final class ReadingOrder {

    static final double MAX_CROSSING = 0.10;
    static final double WIDE = 0.60;
    static final double MIN_GUTTER_LINES = 0.5;
    static final double PROSE_LINES = 6;
    static final int MIN_PROSE_EACH_SIDE = 3;
    /** Two boxes are on one row when they overlap by this share of the lower one's height. */
    static final double SAME_ROW = 0.5;

    private ReadingOrder() {}

    /** The lines in reading order. */
    public static List<TextBox> of(List<TextBox> lines) {
        List<TextBox> out = new ArrayList<>(lines.size());
        order(lines.stream().filter(b -> b.width() > 0 && b.height() > 0).toList(), out);
        return out;
    }

    /** The text of lines in reading order (each already without spaces between Han characters): a row's lines joined by a space, rows by a line break. */
    public static String text(List<TextBox> ordered) {
        StringBuilder text = new StringBuilder();
        TextBox previous = null;
        for (TextBox b : ordered) {
            if (previous != null) {
                text.append(sameRow(previous, b) && b.x() >= previous.x() + previous.width() / 2 ? " " : "\n");
            }
            text.append(b.text());
            previous = b;
        }
        // the space between two cells stays, Han or not: 项目 结果 are two words, not a bigram 目结
        return text.toString();
    }

    private static void order(List<TextBox> boxes, List<TextBox> out) {
        int[] gutter = boxes.size() < 2 * MIN_PROSE_EACH_SIDE ? null : gutter(boxes);
        if (gutter == null) {
            out.addAll(rows(boxes));
            return;
        }
        double middle = (gutter[0] + gutter[1]) / 2.0;
        List<TextBox> segment = new ArrayList<>();
        for (TextBox b : boxes.stream()
                .sorted(Comparator.comparingDouble(ReadingOrder::centreY))
                .toList()) {
            // a line entering the band's edge belongs to its column; only one over the middle spans both
            if (b.x() < middle && b.x() + b.width() > middle) {
                columns(segment, middle, out);
                segment.clear();
                out.add(b);
            } else {
                segment.add(b);
            }
        }
        columns(segment, middle, out);
    }

    private static void columns(List<TextBox> segment, double middle, List<TextBox> out) {
        List<TextBox> left =
                segment.stream().filter(b -> b.x() + b.width() / 2.0 < middle).toList();
        List<TextBox> right =
                segment.stream().filter(b -> b.x() + b.width() / 2.0 >= middle).toList();
        if (left.isEmpty() || right.isEmpty()) {
            out.addAll(rows(segment));
            return;
        }
        order(left, out);
        order(right, out);
    }

    /** The widest gutter as [from, to) in page x, or null when the page is not set in columns. */
    static int[] gutter(List<TextBox> boxes) {
        int left = boxes.stream().mapToInt(TextBox::x).min().orElseThrow();
        int right = boxes.stream().mapToInt(b -> b.x() + b.width()).max().orElseThrow();
        int textWidth = right - left;
        double lineHeight =
                median(boxes.stream().mapToInt(TextBox::height).sorted().toArray());
        if (textWidth <= 0 || lineHeight <= 0) {
            return null;
        }
        List<TextBox> narrow =
                boxes.stream().filter(b -> b.width() < WIDE * textWidth).toList();
        int[] cover = new int[textWidth + 1];
        for (TextBox b : narrow) {
            cover[b.x() - left]++;
            cover[b.x() + b.width() - left]--;
        }
        int allowed = (int) Math.floor(MAX_CROSSING * narrow.size());
        int[] best = null;
        int running = 0;
        int runStart = -1;
        for (int i = 0; i <= textWidth; i++) {
            running += cover[i];
            boolean open = running <= allowed && i < textWidth;
            if (open && runStart < 0) {
                runStart = i;
            } else if (!open && runStart >= 0) {
                int from = left + runStart;
                int to = left + i;
                if (to - from >= MIN_GUTTER_LINES * lineHeight
                        && proseOnBothSides(boxes, from, to, lineHeight)
                        && (best == null || to - from > best[1] - best[0])) {
                    best = new int[] {from, to};
                }
                runStart = -1;
            }
        }
        return best;
    }

    private static boolean proseOnBothSides(List<TextBox> boxes, int from, int to, double lineHeight) {
        long before = boxes.stream()
                .filter(b -> b.width() >= PROSE_LINES * lineHeight && b.x() + b.width() <= from)
                .count();
        long after = boxes.stream()
                .filter(b -> b.width() >= PROSE_LINES * lineHeight && b.x() >= to)
                .count();
        return before >= MIN_PROSE_EACH_SIDE && after >= MIN_PROSE_EACH_SIDE;
    }

    /** Rows top to bottom, each left to right. */
    static List<TextBox> rows(List<TextBox> boxes) {
        List<List<TextBox>> rows = new ArrayList<>();
        for (TextBox b :
                boxes.stream().sorted(Comparator.comparingInt(TextBox::y)).toList()) {
            List<TextBox> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && row.stream().anyMatch(r -> sameRow(r, b))) {
                row.add(b);
            } else {
                List<TextBox> fresh = new ArrayList<>();
                fresh.add(b);
                rows.add(fresh);
            }
        }
        List<TextBox> out = new ArrayList<>(boxes.size());
        for (List<TextBox> row : rows) {
            row.sort(Comparator.comparingInt(TextBox::x));
            out.addAll(row);
        }
        return out;
    }

    private static boolean sameRow(TextBox a, TextBox b) {
        int overlap = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return overlap >= SAME_ROW * Math.min(a.height(), b.height());
    }

    private static double centreY(TextBox b) {
        return b.y() + b.height() / 2.0;
    }

    private static double median(int[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
