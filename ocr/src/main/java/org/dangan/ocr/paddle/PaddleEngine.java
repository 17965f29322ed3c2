package org.dangan.ocr.paddle;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dangan.ocr.HanSpacing;
import org.dangan.ocr.PageText;
import org.dangan.ocr.ReadingOrder;
import org.dangan.ocr.TextBox;

/**
 * PaddleOCR's PP-OCRv4 (mobile detection and recognition, the 0/180 line classifier) on ONNX
 * Runtime: the page is turned upright, its text lines are found, each line is straightened and read
 * (greedy CTC over the 6,623 characters of ppocr_keys_v1). One instance per node, shared by the
 * pool's workers: ONNX Runtime sessions may run concurrently, and each run uses one thread, so the
 * pool's size is the number of cores used, as with Tesseract under {@code OMP_THREAD_LIMIT=1}.
 * Parameters are PaddleOCR's own (checked against RapidOCR): see docs/ocr.md.
 */
public final class PaddleEngine implements AutoCloseable {

    public static final String DETECTION = PaddleModels.DETECTION;
    public static final String RECOGNITION = PaddleModels.RECOGNITION;
    public static final String CLASSIFIER = PaddleModels.CLASSIFIER;
    public static final String KEYS = PaddleModels.KEYS;

    static final int DETECTION_SIDE = 960;
    static final int LINE_HEIGHT = 48;
    /**
     * PaddleOCR pads every line to at least 320 px; a short line (a table cell, a number) then costs
     * as much as a long one. Read at its own width the test pages gave the same text (CER equal to
     * the third decimal) with recognition a third faster on the table page (docs/ocr.md).
     */
    static final int MIN_LINE_WIDTH = Integer.getInteger("dangan.ocr.paddle.min-width", LINE_HEIGHT);
    /** The widest line read in one pass; a wider one (a very long line) is squeezed to this. */
    static final int MAX_LINE_WIDTH = 3200;

    static final float DROP_SCORE = 0.5f;
    static final int CLASSIFIER_WIDTH = 192;
    static final int ORIENTATION_SAMPLE = 40;
    static final float CLASSIFIER_SURE = 0.9f;
    /** A page of a document read upright so far gets the classifier's vote when it reads below this. */
    public static final float ORIENTATION_AGAIN_BELOW = 90;

    private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession detection;
    private final OrtSession recognition;
    private final OrtSession classifier;
    private final String[] keys;

    /** Loads the three models and the dictionary from {@code models}; fails naming the file that is wrong. */
    public PaddleEngine(Path models) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            detection = session(models.resolve(DETECTION), options);
            recognition = session(models.resolve(RECOGNITION), options);
            classifier = session(models.resolve(CLASSIFIER), options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot start: " + e.getMessage(), e);
        }
        keys = keys(models.resolve(KEYS));
    }

    private OrtSession session(Path file, OrtSession.SessionOptions options) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the PP-OCR model " + file.getFileName() + " is missing in "
                    + file.getParent() + ": run " + PaddleModels.SCRIPT);
        }
        try {
            return environment.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("the PP-OCR model " + file + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** The dictionary: index 0 is CTC's blank, then one character per line (not stripped: one is U+3000), then a space. */
    static String[] keys(Path file) {
        String all;
        try {
            all = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PP-OCR dictionary " + file, e);
        }
        if (all.endsWith("\n")) {
            all = all.substring(0, all.length() - 1);
        }
        String[] lines = all.split("\n", -1);
        String[] keys = new String[lines.length + 2];
        keys[0] = "";
        System.arraycopy(lines, 0, keys, 1, lines.length);
        keys[keys.length - 1] = " ";
        return keys;
    }

    /** Reads one page, upright or turned by a multiple of 90 degrees. */
    public PageText read(BufferedImage image) {
        return read(image, false);
    }

    /**
     * Reads one page. {@code uprightLikely}: the document's pages so far were upright and read
     * well, so the line classifier's vote on this page's orientation is taken only when its lines
     * stand on end or it reads below {@link #ORIENTATION_AGAIN_BELOW}.
     */
    public PageText read(BufferedImage image, boolean uprightLikely) {
        long start = System.nanoTime();
        Pixels page = Pixels.of(image);
        List<Quad> boxes = detect(page);
        List<Line> read = null;
        int rotation;
        if (uprightLikely && !sideways(boxes)) {
            read = recogniseAll(page, boxes);
            rotation = confidence(boxes, read) < ORIENTATION_AGAIN_BELOW ? orientation(page, boxes) : 0;
        } else {
            rotation = orientation(page, boxes);
        }
        if (rotation == 0 && read == null) {
            read = recogniseAll(page, boxes);
        } else if (rotation != 0) {
            // a blurred upright page can look turned (its lines break into tall pieces): read both
            // ways and keep the one with more confidently read text; turned pages are rare
            List<Line> asScanned = read != null ? read : recogniseAll(page, boxes);
            Pixels turned = page.rotated(rotation);
            List<Quad> turnedBoxes = detect(turned);
            List<Line> turnedRead = recogniseAll(turned, turnedBoxes);
            if (evidence(turnedBoxes, turnedRead) > evidence(boxes, asScanned)) {
                boxes = turnedBoxes;
                read = turnedRead;
            } else {
                rotation = 0;
                read = asScanned;
            }
        }
        List<TextBox> lines = new ArrayList<>();
        List<TextBox> words = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Quad box = boxes.get(i);
            Line line = read.get(i);
            if (kept(line)) {
                float confidence = line.score * 100;
                lines.add(new TextBox(
                        line.text,
                        box.left(),
                        box.top(),
                        box.right() - box.left(),
                        box.bottom() - box.top(),
                        confidence));
                words.addAll(line.words(box, confidence));
            }
        }
        List<TextBox> ordered = ReadingOrder.of(lines);
        return new PageText(
                ReadingOrder.text(ordered),
                ordered,
                words,
                confidence(boxes, read),
                rotation,
                (System.nanoTime() - start) / 1_000_000,
                false);
    }

    private static boolean kept(Line line) {
        return line != null && !line.text.isBlank() && line.score >= DROP_SCORE;
    }

    /**
     * The page's confidence (0-100): the lines' scores weighted by their characters. A line found
     * but not read still counts against the page, by about as many characters as its box holds:
     * else a page whose body was unreadable scores as high as its one clear heading and skips
     * review (specks, under 1.5 heights, do not).
     */
    static float confidence(List<Quad> boxes, List<Line> read) {
        double weighted = 0;
        int characters = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Line line = read.get(i);
            if (kept(line)) {
                int n = line.text.codePointCount(0, line.text.length());
                weighted += line.score * 100 * n;
                characters += n;
            } else {
                double aspect = aspect(boxes.get(i));
                if (aspect >= 1.5) {
                    int guessed = (int) Math.round(aspect);
                    weighted += (line == null ? 0 : line.score * 100) * guessed;
                    characters += guessed;
                }
            }
        }
        return characters == 0 ? 0 : (float) (weighted / characters);
    }

    /**
     * Characters read with confidence on lines lying across the page, weighted by the confidence:
     * what a reading of the page this way up is worth. Tall lines are left out: the recogniser reads
     * them turned, so a sideways page read as it lies would count its own text.
     */
    private static double evidence(List<Quad> boxes, List<Line> lines) {
        double sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line != null && !tall(boxes.get(i)) && line.score >= DROP_SCORE) {
                sum += line.score
                        * line.text.strip().codePointCount(0, line.text.strip().length());
            }
        }
        return sum;
    }

    List<Quad> detect(Pixels page) {
        double ratio = Math.max(page.width, page.height) > DETECTION_SIDE
                ? (double) DETECTION_SIDE / Math.max(page.width, page.height)
                : 1;
        int w = Math.max((int) Math.round((int) (page.width * ratio) / 32.0) * 32, 32);
        int h = Math.max((int) Math.round((int) (page.height * ratio) / 32.0) * 32, 32);
        float[] input = page.resizedTensor(w, h, DET_MEAN, DET_STD);
        float[] map = run(detection, input, new long[] {1, 3, h, w});
        return TextRegions.boxes(map, w, h, page.width, page.height);
    }

    /**
     * Clockwise degrees that make the page upright, from the lines found: when most of the text is
     * in tall boxes the page lies sideways, else it is upright or upside down; which way, the line
     * classifier's vote on the largest lines says (each line turned as it would be read).
     */
    int orientation(Pixels page, List<Quad> boxes) {
        List<Quad> largest = boxes.stream()
                .sorted(Comparator.comparingDouble(Quad::area).reversed())
                .limit(ORIENTATION_SAMPLE)
                .toList();
        if (largest.isEmpty()) {
            return 0;
        }
        boolean sideways = sideways(largest);
        double upright = 0;
        double upsideDown = 0;
        for (Quad q : largest) {
            if (tall(q) != sideways) {
                continue;
            }
            float[] p = classify(page, q, sideways);
            if (p[1] > p[0] && p[1] > CLASSIFIER_SURE) {
                upsideDown += q.area();
            } else if (p[0] >= p[1]) {
                upright += q.area();
            }
        }
        if (sideways) {
            // a line turned counter-clockwise reads upright when the page lies turned clockwise
            return upsideDown > upright ? 90 : 270;
        }
        return upsideDown > upright ? 180 : 0;
    }

    /** Most of the text, by area, stands in boxes taller than wide: the page lies on its side. */
    private static boolean sideways(List<Quad> boxes) {
        double tallArea = 0;
        double allArea = 0;
        for (Quad q : boxes) {
            allArea += q.area();
            if (tall(q)) {
                tallArea += q.area();
            }
        }
        return tallArea > allArea / 2;
    }

    private static boolean tall(Quad q) {
        return q.cropHeight() >= 1.5 * q.cropWidth();
    }

    private float[] classify(Pixels page, Quad q, boolean turned) {
        double aspect = turned
                ? (double) q.cropHeight() / Math.max(1, q.cropWidth())
                : (double) q.cropWidth() / Math.max(1, q.cropHeight());
        int w = (int) Math.min(CLASSIFIER_WIDTH, Math.ceil(LINE_HEIGHT * aspect));
        float[] tensor = new float[3 * LINE_HEIGHT * CLASSIFIER_WIDTH];
        page.cropInto(q, turned, Math.max(1, w), LINE_HEIGHT, tensor, 0, CLASSIFIER_WIDTH);
        return run(classifier, tensor, new long[] {1, 3, LINE_HEIGHT, CLASSIFIER_WIDTH});
    }

    /**
     * A recognised line: its text, its score (0-1), and where each character was read: the column
     * of the model's input (height 48) where its decoding step starts, and the columns of a step.
     */
    record Line(String text, float score, double[] at, int[] starts, double stepColumns, int readWidth) {

        /** The line's words: a Latin or digit run is one word, each Han character its own; boxes from the decoding steps. */
        List<TextBox> words(Quad box, float confidence) {
            List<TextBox> out = new ArrayList<>();
            if (box.cropHeight() >= 1.5 * box.cropWidth()) {
                // a vertical line: no reliable positions along it, one box for all
                out.add(new TextBox(
                        text, box.left(), box.top(), box.right() - box.left(), box.bottom() - box.top(), confidence));
                return out;
            }
            int left = box.left();
            int width = box.right() - box.left();
            // the line fills readWidth columns of the model's input
            double scale = (double) width / Math.max(1, readWidth);
            int i = 0;
            int n = starts.length;
            while (i < n) {
                int end = i + 1;
                int cp = text.codePointAt(starts[i]);
                if (cp == ' ') {
                    i++;
                    continue;
                }
                if (!Character.isIdeographic(cp)) {
                    while (end < n) {
                        int next = text.codePointAt(starts[end]);
                        if (next == ' ' || Character.isIdeographic(next)) {
                            break;
                        }
                        end++;
                    }
                }
                String word = text.substring(starts[i], end < n ? starts[end] : text.length());
                int x0 = left + (int) Math.max(0, (at[i] - 0.5 * stepColumns) * scale);
                int x1 = left + (int) Math.min(width, (at[end - 1] + 1.5 * stepColumns) * scale);
                out.add(new TextBox(word, x0, box.top(), Math.max(1, x1 - x0), box.bottom() - box.top(), confidence));
                i = end;
            }
            return out;
        }
    }

    /** Reads every line; the lines come back in the order of {@code boxes}. */
    List<Line> recogniseAll(Pixels page, List<Quad> boxes) {
        List<Line> lines = new ArrayList<>(boxes.size());
        for (Quad q : boxes) {
            lines.add(recognise(page, q));
        }
        return lines;
    }

    /** Reads one line at its own width; a line narrower than {@link #MIN_LINE_WIDTH} is padded (zeros, as PaddleOCR). */
    Line recognise(Pixels page, Quad quad) {
        int width = (int) Math.max(1, Math.min(MAX_LINE_WIDTH, Math.ceil(LINE_HEIGHT * aspect(quad))));
        int padded = Math.max(MIN_LINE_WIDTH, width);
        float[] crop = new float[3 * LINE_HEIGHT * padded];
        page.cropInto(quad, tall(quad), width, LINE_HEIGHT, crop, 0, padded);
        return run(crop, padded, width);
    }

    /** Runs the model on one line's input, {@code width} columns at height 48 of which the line fills {@code readWidth}. */
    private Line run(float[] tensor, int width, int readWidth) {
        try (OnnxTensor input = OnnxTensor.createTensor(
                        environment, FloatBuffer.wrap(tensor), new long[] {1, 3, LINE_HEIGHT, width});
                OrtSession.Result result = recognition.run(
                        Map.of(recognition.getInputNames().iterator().next(), input))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            return decode(out.getFloatBuffer(), (int) shape[1], (int) shape[2], width, readWidth);
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR recognition failed: " + e.getMessage(), e);
        }
    }

    private static double aspect(Quad q) {
        return tall(q)
                ? (double) q.cropHeight() / Math.max(1, q.cropWidth())
                : (double) q.cropWidth() / Math.max(1, q.cropHeight());
    }

    /** Greedy CTC: the best class per step, repeats merged, blanks dropped; the score is the mean of the kept maxima. */
    Line decode(FloatBuffer p, int steps, int classes, int inputWidth, int readWidth) {
        StringBuilder text = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        double sum = 0;
        int kept = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float max = -Float.MAX_VALUE;
            int base = t * classes;
            for (int c = 0; c < classes; c++) {
                float v = p.get(base + c);
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            if (best != 0 && best != previous && best < keys.length) {
                starts.add(text.length());
                text.append(keys[best]);
                at.add(t);
                sum += max;
                kept++;
            }
            previous = best;
        }
        if (kept == 0) {
            return new Line("", 0, new double[0], new int[0], (double) inputWidth / steps, readWidth);
        }
        // as HanSpacing: no space between two Han characters (the model reads some), none at the ends
        String raw = text.toString();
        StringBuilder clean = new StringBuilder();
        List<Integer> keptSteps = new ArrayList<>();
        List<Integer> keptStarts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String piece = raw.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : raw.length());
            if (piece.isBlank()) {
                String before = clean.length() == 0 ? "" : clean.substring(clean.length() - 1);
                String after = "";
                for (int j = i + 1; j < starts.size() && after.isEmpty(); j++) {
                    String next =
                            raw.substring(starts.get(j), j + 1 < starts.size() ? starts.get(j + 1) : raw.length());
                    after = next.isBlank() ? "" : next;
                }
                if (before.isEmpty()
                        || after.isEmpty()
                        || before.isBlank()
                        || (HanSpacing.isHan(before.codePointAt(0)) && HanSpacing.isHan(after.codePointAt(0)))) {
                    continue;
                }
                piece = " ";
            }
            keptStarts.add(clean.length());
            keptSteps.add(at.get(i));
            clean.append(piece);
        }
        double stepColumns = (double) inputWidth / steps;
        return new Line(
                clean.toString(),
                (float) (sum / kept),
                keptSteps.stream().mapToDouble(t -> t * stepColumns).toArray(),
                keptStarts.stream().mapToInt(Integer::intValue).toArray(),
                stepColumns,
                readWidth);
    }

    private float[] run(OrtSession session, float[] input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
                OrtSession.Result result =
                        session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (OrtSession s : new OrtSession[] {detection, recognition, classifier}) {
            try {
                s.close();
            } catch (OrtException e) {
                // closing at shutdown: nothing left to do with it
            }
        }
    }
}
