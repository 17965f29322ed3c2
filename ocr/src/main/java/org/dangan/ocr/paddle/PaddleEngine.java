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
    /** Lines read in one run at most, and the padded width of all of them together (docs/ocr.md). */
    static final int RECOGNITION_BATCH = Integer.getInteger("dangan.ocr.paddle.batch", 4);
    static final int BATCH_WIDTH = 6400;
    static final int CLASSIFIER_WIDTH = 192;
    static final int ORIENTATION_SAMPLE = 40;
    static final float CLASSIFIER_SURE = 0.9f;

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

    /** Reads one page; {@code dpi} is not needed by the models (they see the page at a fixed size). */
    public PageText read(BufferedImage image) {
        long start = System.nanoTime();
        Pixels page = Pixels.of(image);
        List<Quad> boxes = detect(page);
        int rotation = orientation(page, boxes);
        List<Line> read;
        if (rotation == 0) {
            read = recogniseAll(page, boxes);
        } else {
            // a blurred upright page can look turned (its lines break into tall pieces): read both
            // ways and keep the one with more confidently read text; turned pages are rare
            List<Line> asScanned = recogniseAll(page, boxes);
            Pixels turned = page.rotated(rotation);
            List<Quad> turnedBoxes = detect(turned);
            List<Line> turnedRead = recogniseAll(turned, turnedBoxes);
            if (evidence(turnedBoxes, turnedRead) > evidence(boxes, asScanned)) {
                page = turned;
                boxes = turnedBoxes;
                read = turnedRead;
            } else {
                rotation = 0;
                read = asScanned;
            }
        }
        List<TextBox> lines = new ArrayList<>();
        List<TextBox> words = new ArrayList<>();
        double weighted = 0;
        int characters = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Quad box = boxes.get(i);
            Line line = read.get(i);
            if (line == null || line.text.isBlank() || line.score < DROP_SCORE) {
                // a line found but not read still counts against the page, by about as many
                // characters as its box holds: else a page whose body was unreadable scores as
                // high as its one clear heading and skips review (specks, under 1.5 heights, do not)
                double aspect = aspect(box);
                if (aspect >= 1.5) {
                    int guessed = (int) Math.round(aspect);
                    weighted += (line == null ? 0 : line.score * 100) * guessed;
                    characters += guessed;
                }
                continue;
            }
            float confidence = line.score * 100;
            lines.add(new TextBox(line.text, box.left(), box.top(), box.right() - box.left(), box.bottom() - box.top(),
                    confidence));
            words.addAll(line.words(box, confidence));
            int n = line.text.codePointCount(0, line.text.length());
            weighted += confidence * n;
            characters += n;
        }
        List<TextBox> ordered = ReadingOrder.of(lines);
        return new PageText(ReadingOrder.text(ordered), ordered, words,
                characters == 0 ? 0 : (float) (weighted / characters), rotation,
                (System.nanoTime() - start) / 1_000_000, false);
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
                sum += line.score * line.text.strip().codePointCount(0, line.text.strip().length());
            }
        }
        return sum;
    }

    List<Quad> detect(Pixels page) {
        double ratio = Math.max(page.width, page.height) > DETECTION_SIDE
                ? (double) DETECTION_SIDE / Math.max(page.width, page.height) : 1;
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
        List<Quad> largest = boxes.stream().sorted(Comparator.comparingDouble(Quad::area).reversed())
                .limit(ORIENTATION_SAMPLE).toList();
        if (largest.isEmpty()) {
            return 0;
        }
        double tallArea = 0;
        double allArea = 0;
        for (Quad q : largest) {
            allArea += q.area();
            if (tall(q)) {
                tallArea += q.area();
            }
        }
        boolean sideways = tallArea > allArea / 2;
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

    private static boolean tall(Quad q) {
        return q.cropHeight() >= 1.5 * q.cropWidth();
    }

    private float[] classify(Pixels page, Quad q, boolean turned) {
        double aspect = turned ? (double) q.cropHeight() / Math.max(1, q.cropWidth())
                : (double) q.cropWidth() / Math.max(1, q.cropHeight());
        int w = (int) Math.min(CLASSIFIER_WIDTH, Math.ceil(LINE_HEIGHT * aspect));
        float[] tensor = new float[3 * LINE_HEIGHT * CLASSIFIER_WIDTH];
        page.cropInto(q, turned, Math.max(1, w), LINE_HEIGHT, tensor, 0, CLASSIFIER_WIDTH);
        return run(classifier, tensor, new long[] {1, 3, LINE_HEIGHT, CLASSIFIER_WIDTH});
    }

    /** A recognised line: its text, its score (0-1), and where each character was read (CTC step). */
    record Line(String text, float score, int[] steps, int[] starts, int stepsInAll, int inputWidth, int readWidth) {

        /** The line's words: a Latin or digit run is one word, each Han character its own; boxes from the CTC steps. */
        List<TextBox> words(Quad box, float confidence) {
            List<TextBox> out = new ArrayList<>();
            if (box.cropHeight() >= 1.5 * box.cropWidth()) {
                // a vertical line: no reliable positions along it, one box for all
                out.add(new TextBox(text, box.left(), box.top(), box.right() - box.left(), box.bottom() - box.top(),
                        confidence));
                return out;
            }
            int left = box.left();
            int width = box.right() - box.left();
            // the model's steps cover the padded input; the line itself fills readWidth of inputWidth
            double pxPerStep = (double) inputWidth / stepsInAll * width / Math.max(1, readWidth);
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
                int x0 = left + (int) Math.max(0, (steps[i] - 0.5) * pxPerStep);
                int x1 = left + (int) Math.min(width, (steps[end - 1] + 1.5) * pxPerStep);
                out.add(new TextBox(word, x0, box.top(), Math.max(1, x1 - x0), box.bottom() - box.top(), confidence));
                i = end;
            }
            return out;
        }
    }

    /**
     * Reads every line, in batches of lines of similar width (sorted by aspect), so little of a batch
     * is padding; the lines come back in the order of {@code boxes}.
     */
    List<Line> recogniseAll(Pixels page, List<Quad> boxes) {
        Integer[] order = new Integer[boxes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> aspect(boxes.get(i))));
        Line[] lines = new Line[order.length];
        int from = 0;
        while (from < order.length) {
            int to = from + 1;
            while (to < order.length && to - from < RECOGNITION_BATCH
                    && (to - from + 1) * Math.max(MIN_LINE_WIDTH, LINE_HEIGHT * aspect(boxes.get(order[to]))) <= BATCH_WIDTH) {
                to++;
            }
            List<Quad> batch = new ArrayList<>();
            for (int k = from; k < to; k++) {
                batch.add(boxes.get(order[k]));
            }
            List<Line> read = recognise(page, batch);
            for (int k = from; k < to; k++) {
                lines[order[k]] = read.get(k - from);
            }
            from = to;
        }
        return java.util.Arrays.asList(lines);
    }

    /** Reads lines in one batch, each padded to the widest (callers batch lines of similar width). */
    List<Line> recognise(Pixels page, List<Quad> quads) {
        int n = quads.size();
        int[] widths = new int[n];
        int padW = MIN_LINE_WIDTH;
        for (int i = 0; i < n; i++) {
            double aspect = aspect(quads.get(i));
            widths[i] = (int) Math.max(1, Math.min(MAX_LINE_WIDTH, Math.ceil(LINE_HEIGHT * aspect)));
            padW = (int) Math.max(padW, Math.min(MAX_LINE_WIDTH, LINE_HEIGHT * aspect));
        }
        for (int i = 0; i < n; i++) {
            widths[i] = Math.min(widths[i], padW);
        }
        float[] tensor = new float[n * 3 * LINE_HEIGHT * padW];
        for (int i = 0; i < n; i++) {
            page.cropInto(quads.get(i), tall(quads.get(i)), widths[i], LINE_HEIGHT, tensor, i, padW);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(tensor),
                new long[] {n, 3, LINE_HEIGHT, padW});
             OrtSession.Result result = recognition.run(Map.of(recognition.getInputNames().iterator().next(), input))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            int steps = (int) shape[1];
            int classes = (int) shape[2];
            FloatBuffer probabilities = out.getFloatBuffer();
            List<Line> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                probabilities.position(i * steps * classes);
                lines.add(decode(probabilities.slice(), steps, classes, padW, widths[i]));
            }
            return lines;
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR recognition failed: " + e.getMessage(), e);
        }
    }

    private static double aspect(Quad q) {
        return tall(q) ? (double) q.cropHeight() / Math.max(1, q.cropWidth())
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
            return new Line("", 0, new int[0], new int[0], steps, inputWidth, readWidth);
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
                    String next = raw.substring(starts.get(j), j + 1 < starts.size() ? starts.get(j + 1) : raw.length());
                    after = next.isBlank() ? "" : next;
                }
                if (before.isEmpty() || after.isEmpty() || before.isBlank()
                        || (HanSpacing.isHan(before.codePointAt(0)) && HanSpacing.isHan(after.codePointAt(0)))) {
                    continue;
                }
                piece = " ";
            }
            keptStarts.add(clean.length());
            keptSteps.add(at.get(i));
            clean.append(piece);
        }
        return new Line(clean.toString(), (float) (sum / kept), keptSteps.stream().mapToInt(Integer::intValue).toArray(),
                keptStarts.stream().mapToInt(Integer::intValue).toArray(), steps, inputWidth, readWidth);
    }

    private float[] run(OrtSession session, float[] input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
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
