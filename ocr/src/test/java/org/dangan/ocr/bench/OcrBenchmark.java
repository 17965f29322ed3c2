package org.dangan.ocr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.dangan.ocr.Engine;
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.Recognizer;
import org.dangan.ocr.paddle.PaddleEngine;
import org.dangan.pdf.PrintedSheet;

/**
 * OCR quality and speed on the real pages of ../shared/testdata/ocr: the pipeline with each engine
 * (PP-OCR, Tesseract) beside the tesseract CLI on the same images and languages: CER and character
 * recall against the ground truth, seconds per page (median of 3), mean confidence; then pages per
 * minute on a 20-page scanned PDF, each engine with a thread per core, against Debian's ocrmypdf.
 * A benchmark, not a test: run by src/bench/ocr.sh.
 */
public final class OcrBenchmark {

    private OcrBenchmark() {}

    record Case(String name, Path image, Path truth, String languages, boolean chinese) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/testdata/ocr");
        List<Case> cases = List.of(
                new Case(
                        "cnocr_multi-line_cn1",
                        data.resolve("zh/cnocr_multi-line_cn1.png"),
                        data.resolve("zh/cnocr_multi-line_cn1.gt.txt"),
                        "chi_sim",
                        true),
                new Case(
                        "cnocr_multi-line_cn2",
                        data.resolve("zh/cnocr_multi-line_cn2.png"),
                        data.resolve("zh/cnocr_multi-line_cn2.gt.txt"),
                        "chi_sim",
                        true),
                new Case(
                        "omni_book_table_canna",
                        data.resolve("zh/omni_book_table_canna.jpg"),
                        data.resolve("zh/omni_book_table_canna.gt.txt"),
                        "chi_sim",
                        true),
                new Case(
                        "omni_textbook_fuzzy_scan",
                        data.resolve("zh/omni_textbook_fuzzy_scan.jpg"),
                        data.resolve("zh/omni_textbook_fuzzy_scan.gt.txt"),
                        "chi_sim",
                        true),
                new Case(
                        "phototest",
                        data.resolve("en/phototest.tif"),
                        data.resolve("en/phototest.gt.txt"),
                        "eng",
                        false),
                new Case(
                        "eurotext", data.resolve("en/eurotext.tif"), data.resolve("en/eurotext.gt.txt"), "eng", false));
        Path models = Path.of(System.getProperty("dangan.ocr.models", "/usr/local/share/dangan/ocr-models"));
        System.out.println(
                "| page | languages | PP-OCR CER | Tesseract CER | CLI CER | PP-OCR recall | Tesseract recall "
                        + "| CLI recall | PP-OCR s | Tesseract s | CLI s | PP-OCR confidence | Tesseract confidence |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        double[] totals = new double[11];
        try (PaddleEngine paddle = new PaddleEngine(models);
                OcrPipeline pipeline = new OcrPipeline(
                        Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 1, OcrPipeline.Limits.DEFAULT, paddle)) {
            for (Case c : cases) {
                String truth = Files.readString(c.truth(), StandardCharsets.UTF_8);
                Run pp =
                        run(() -> pipeline.process(c.image(), Engine.PADDLE, c.languages(), OcrPipeline.Progress.NONE));
                Run ts = run(
                        () -> pipeline.process(c.image(), Engine.TESSERACT, c.languages(), OcrPipeline.Progress.NONE));
                double[] cli = new double[3];
                String cliText = "";
                for (int i = 0; i < 3; i++) {
                    long t = System.nanoTime();
                    cliText = tesseract(c.image(), c.languages());
                    cli[i] = (System.nanoTime() - t) / 1e9;
                }
                double[] row = {
                    cer(truth, pp.text, c.chinese()),
                    cer(truth, ts.text, c.chinese()),
                    cer(truth, cliText, c.chinese()),
                    recall(truth, pp.text, c.chinese()),
                    recall(truth, ts.text, c.chinese()),
                    recall(truth, cliText, c.chinese()),
                    pp.seconds,
                    ts.seconds,
                    median(cli),
                    pp.confidence,
                    ts.confidence
                };
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f "
                                + "| %.1f | %.1f |%n",
                        c.name(),
                        c.languages(),
                        row[0],
                        row[1],
                        row[2],
                        row[3],
                        row[4],
                        row[5],
                        row[6],
                        row[7],
                        row[8],
                        row[9],
                        row[10]);
                for (int i = 0; i < row.length; i++) {
                    totals[i] += row[i];
                }
            }
            int n = cases.size();
            System.out.printf(
                    Locale.ROOT,
                    "| mean of %d pages | | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f "
                            + "| %.2f | %.1f | %.1f |%n",
                    n,
                    totals[0] / n,
                    totals[1] / n,
                    totals[2] / n,
                    totals[3] / n,
                    totals[4] / n,
                    totals[5] / n,
                    totals[6] / n,
                    totals[7] / n,
                    totals[8] / n,
                    totals[9] / n,
                    totals[10] / n);
            Path twenty = twentyPages(data);
            throughput(twenty, Engine.PADDLE, paddle);
            throughput(twenty, Engine.TESSERACT, paddle);
        }
        ocrmypdf(twentyPages(data));
    }

    /** The text, median seconds of three runs, and mean confidence of one page read by the pipeline. */
    record Run(String text, double seconds, double confidence) {}

    private static Run run(Supplier<OcrPipeline.Result> read) {
        double[] seconds = new double[3];
        String text = "";
        double confidence = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            try (OcrPipeline.Result result = read.get()) {
                text = result.text();
                confidence = result.meanConfidence();
            }
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        return new Run(text, median(seconds), confidence);
    }

    /** A 20-page scanned PDF (A4 pages) from the two real Chinese page scans, ten times each. */
    private static Path twentyPages(Path data) throws IOException {
        Path pdf = Files.createTempFile("twenty", ".pdf");
        try (var doc = new PDDocument()) {
            for (int i = 0; i < 20; i++) {
                Path jpg =
                        data.resolve(i % 2 == 0 ? "zh/omni_book_table_canna.jpg" : "zh/omni_textbook_fuzzy_scan.jpg");
                var page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                var image = JPEGFactory.createFromByteArray(doc, Files.readAllBytes(jpg));
                try (var c = new PDPageContentStream(doc, page)) {
                    c.drawImage(
                            image,
                            0,
                            0,
                            page.getMediaBox().getWidth(),
                            page.getMediaBox().getHeight());
                }
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    /** Pages per minute on a scanned PDF with one engine, the pipeline with a thread per core, the PDF written. */
    private static void throughput(Path pdf, Engine engine, PaddleEngine paddle) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (OcrPipeline pipeline = new OcrPipeline(
                Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, cores, OcrPipeline.Limits.DEFAULT, paddle)) {
            long t = System.nanoTime();
            int[] done = {0};
            try (OcrPipeline.Result result = pipeline.process(pdf, engine, "chi_sim", (d, total) -> {
                        if (d % 5 == 0) {
                            System.err.printf("%s: %d of %d pages%n", engine, d, total);
                        }
                        done[0] = total;
                    });
                    var out = Files.newOutputStream(Files.createTempFile("bench", ".pdf"))) {
                pipeline.writePdf(result, "bench", out);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "THROUGHPUT engine=%s pages=%d cores=%d s=%.1f pages_per_min=%.1f%n",
                    engine.name().toLowerCase(Locale.ROOT),
                    done[0],
                    cores,
                    seconds,
                    done[0] / seconds * 60);
        }
    }

    /** Pages per minute of Debian's ocrmypdf (Tesseract, PDF/A output) on the same PDF, as many jobs as cores. */
    private static void ocrmypdf(Path pdf) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Path out = Files.createTempFile("ocrmypdf", ".pdf");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(
                        "ocrmypdf",
                        "-l",
                        "chi_sim",
                        "--jobs",
                        Integer.toString(cores),
                        "--output-type",
                        "pdfa",
                        "--force-ocr",
                        pdf.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int rc = p.waitFor();
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "THROUGHPUT engine=ocrmypdf pages=20 cores=%d s=%.1f pages_per_min=%.1f rc=%d%n",
                cores,
                seconds,
                20 / seconds * 60,
                rc);
    }

    private static String tesseract(Path image, String languages) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tesseract", image.toString(), "-", "-l", languages)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** NFKC; Chinese: all whitespace removed; English: whitespace collapsed. As the baseline's README. */
    static String normalise(String s, boolean chinese) {
        String n = Normalizer.normalize(s.replace("\f", ""), Normalizer.Form.NFKC);
        return chinese ? n.replaceAll("\\s+", "") : n.replaceAll("\\s+", " ").strip();
    }

    public static double cer(String truth, String found, boolean chinese) {
        int[] a = normalise(truth, chinese).codePoints().toArray();
        int[] b = normalise(found, chinese).codePoints().toArray();
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return (double) prev[b.length] / Math.max(1, a.length);
    }

    public static double recall(String truth, String found, boolean chinese) {
        Map<Integer, Integer> counts = new HashMap<>();
        normalise(found, chinese).codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int[] want =
                normalise(truth, chinese).codePoints().filter(c -> c != ' ').toArray();
        int hit = 0;
        for (int c : want) {
            if (counts.getOrDefault(c, 0) > 0) {
                counts.merge(c, -1, Integer::sum);
                hit++;
            }
        }
        return (double) hit / Math.max(1, want.length);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
