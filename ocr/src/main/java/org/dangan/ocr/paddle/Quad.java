package org.dangan.ocr.paddle;

/**
 * A text line's box on the page as four corners, clockwise from the top left (x0,y0 top left, x1,y1
 * top right, x2,y2 bottom right, x3,y3 bottom left), in pixels of the page image. PP-OCR's boxes are
 * rotated rectangles, tight to the line, not axis-aligned.
 */
record Quad(double[] x, double[] y) {

    double topWidth() {
        return Math.hypot(x[1] - x[0], y[1] - y[0]);
    }

    double bottomWidth() {
        return Math.hypot(x[2] - x[3], y[2] - y[3]);
    }

    double leftHeight() {
        return Math.hypot(x[3] - x[0], y[3] - y[0]);
    }

    double rightHeight() {
        return Math.hypot(x[2] - x[1], y[2] - y[1]);
    }

    /** Width and height of the straightened crop, as PaddleOCR's get_rotate_crop_image takes them. */
    int cropWidth() {
        return (int) Math.max(topWidth(), bottomWidth());
    }

    int cropHeight() {
        return (int) Math.max(leftHeight(), rightHeight());
    }

    double area() {
        return cropWidth() * (double) cropHeight();
    }

    int left() {
        return (int) Math.floor(Math.min(Math.min(x[0], x[1]), Math.min(x[2], x[3])));
    }

    int right() {
        return (int) Math.ceil(Math.max(Math.max(x[0], x[1]), Math.max(x[2], x[3])));
    }

    int top() {
        return (int) Math.floor(Math.min(Math.min(y[0], y[1]), Math.min(y[2], y[3])));
    }

    int bottom() {
        return (int) Math.ceil(Math.max(Math.max(y[0], y[1]), Math.max(y[2], y[3])));
    }

    /**
     * The corners in reading order, as PaddleOCR's order_points_clockwise: top left has the smallest
     * x+y, bottom right the largest, and of the other two the top right has the smaller y-x.
     */
    static Quad ordered(double[] px, double[] py) {
        int tl = 0;
        int br = 0;
        for (int i = 1; i < 4; i++) {
            if (px[i] + py[i] < px[tl] + py[tl]) {
                tl = i;
            }
            if (px[i] + py[i] > px[br] + py[br]) {
                br = i;
            }
        }
        int a = -1;
        int b = -1;
        for (int i = 0; i < 4; i++) {
            if (i != tl && i != br) {
                if (a < 0) {
                    a = i;
                } else {
                    b = i;
                }
            }
        }
        if (tl == br || a < 0 || b < 0) {
            // a degenerate box (all corners equal): any order
            return new Quad(px.clone(), py.clone());
        }
        int tr = py[a] - px[a] <= py[b] - px[b] ? a : b;
        int bl = tr == a ? b : a;
        return new Quad(new double[] {px[tl], px[tr], px[br], px[bl]}, new double[] {py[tl], py[tr], py[br], py[bl]});
    }
}
