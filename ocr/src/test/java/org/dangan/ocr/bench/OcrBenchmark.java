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
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.Recognizer;
import org.dangan.pdf.PrintedSheet;

/**
 * OCR quality and speed on the real pages of ../shared/testdata/ocr, the pipeline beside the
 * tesseract CLI on the same images and languages: CER and character recall against the ground
 * truth, seconds per page (median of 3); then pages per minute on a 20-page scanned PDF against
 * Debian's ocrmypdf. A benchmark, not a test: run by src/bench/ocr.sh.
 */
public final class OcrBenchmark {

    private OcrBenchmark() {
    }

    record Case(String name, Path image, Path truth, String languages, boolean chinese) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/testdata/ocr");
        List<Case> cases = List.of(
                new Case("cnocr_multi-line_cn1", data.resolve("zh/cnocr_multi-line_cn1.png"),
                        data.resolve("zh/cnocr_multi-line_cn1.gt.txt"), "chi_sim", true),
                new Case("cnocr_multi-line_cn2", data.resolve("zh/cnocr_multi-line_cn2.png"),
                        data.resolve("zh/cnocr_multi-line_cn2.gt.txt"), "chi_sim", true),
                new Case("omni_book_table_canna", data.resolve("zh/omni_book_table_canna.jpg"),
                        data.resolve("zh/omni_book_table_canna.gt.txt"), "chi_sim", true),
                new Case("omni_textbook_fuzzy_scan", data.resolve("zh/omni_textbook_fuzzy_scan.jpg"),
                        data.resolve("zh/omni_textbook_fuzzy_scan.gt.txt"), "chi_sim", true),
                new Case("phototest", data.resolve("en/phototest.tif"), data.resolve("en/phototest.gt.txt"), "eng", false),
                new Case("eurotext", data.resolve("en/eurotext.tif"), data.resolve("en/eurotext.gt.txt"), "eng", false));
        System.out.println("| page | languages | pipeline CER | CLI CER | pipeline recall | CLI recall | pipeline s | CLI s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double[] totals = new double[6];
        try (OcrPipeline pipeline = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 1)) {
            for (Case c : cases) {
                String truth = Files.readString(c.truth(), StandardCharsets.UTF_8);
                double[] ours = new double[3];
                String oursText = "";
                for (int run = 0; run < 3; run++) {
                    long t = System.nanoTime();
                    oursText = pipeline.process(c.image(), c.languages(), OcrPipeline.Progress.NONE).text();
                    ours[run] = (System.nanoTime() - t) / 1e9;
                }
                double[] cli = new double[3];
                String cliText = "";
                for (int run = 0; run < 3; run++) {
                    long t = System.nanoTime();
                    cliText = tesseract(c.image(), c.languages());
                    cli[run] = (System.nanoTime() - t) / 1e9;
                }
                double oursCer = cer(truth, oursText, c.chinese());
                double cliCer = cer(truth, cliText, c.chinese());
                double oursRecall = recall(truth, oursText, c.chinese());
                double cliRecall = recall(truth, cliText, c.chinese());
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |%n", c.name(),
                        c.languages(), oursCer, cliCer, oursRecall, cliRecall, median(ours), median(cli));
                double[] row = {oursCer, cliCer, oursRecall, cliRecall, median(ours), median(cli)};
                for (int i = 0; i < 6; i++) {
                    totals[i] += row[i];
                }
            }
            System.out.printf(Locale.ROOT, "| mean of %d pages | | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |%n",
                    cases.size(), totals[0] / cases.size(), totals[1] / cases.size(), totals[2] / cases.size(),
                    totals[3] / cases.size(), totals[4] / cases.size(), totals[5] / cases.size());
        }
        throughput(twentyPages(data));
    }

    /** A 20-page scanned PDF (A4 pages) from the two real Chinese page scans, ten times each. */
    private static Path twentyPages(Path data) throws IOException {
        Path pdf = Files.createTempFile("twenty", ".pdf");
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < 20; i++) {
                Path jpg = data.resolve(i % 2 == 0 ? "zh/omni_book_table_canna.jpg" : "zh/omni_textbook_fuzzy_scan.jpg");
                var page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
                doc.addPage(page);
                var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromByteArray(doc,
                        Files.readAllBytes(jpg));
                try (var c = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                    c.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    /** Pages per minute on a scanned PDF: the pipeline (a thread per core) and ocrmypdf (as many jobs). */
    private static void throughput(Path pdf) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (OcrPipeline pipeline = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, cores)) {
            long t = System.nanoTime();
            OcrPipeline.Result result = pipeline.process(pdf, "chi_sim", OcrPipeline.Progress.NONE);
            try (var out = Files.newOutputStream(Files.createTempFile("bench", ".pdf"))) {
                pipeline.writePdf(result, "bench", out);
            }
            double ours = (System.nanoTime() - t) / 1e9;
            Path out = Files.createTempFile("ocrmypdf", ".pdf");
            long t2 = System.nanoTime();
            Process p = new ProcessBuilder("ocrmypdf", "-l", "chi_sim", "--jobs", Integer.toString(cores),
                    "--output-type", "pdfa", "--force-ocr", pdf.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int rc = p.waitFor();
            double theirs = (System.nanoTime() - t2) / 1e9;
            int pages = result.pages().size();
            System.out.printf(Locale.ROOT, "THROUGHPUT pages=%d cores=%d pipeline_s=%.1f pipeline_pages_per_min=%.1f "
                    + "ocrmypdf_s=%.1f ocrmypdf_pages_per_min=%.1f ocrmypdf_rc=%d%n", pages, cores, ours,
                    pages / ours * 60, theirs, pages / theirs * 60, rc);
        }
    }

    private static String tesseract(Path image, String languages) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tesseract", image.toString(), "-", "-l", languages)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
        int[] want = normalise(truth, chinese).codePoints().filter(c -> c != ' ').toArray();
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
