package org.dangan.workflow.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.Recognizer;
import org.dangan.pdf.HanFont;
import org.dangan.workflow.document.ArchivedPages.ArchivedPage;
import org.dangan.workflow.registry.DocumentType;

/**
 * Which Chinese analysis finds what searchers look for: the real Chinese pages of
 * ../shared/testdata/ocr (as Tesseract reads them) and generated report pages (with OCR-like
 * misreadings) are indexed once per analysis, then a labelled set of queries is run. A page is
 * relevant to a query when its true text (ground truth, or the generated clean text) contains the
 * query's characters side by side. Prints a markdown table.
 *   src/bench/search-analysis.sh [testdata dir]
 */
public final class AnalysisBenchmark {

    private record Doc(String clean, String scanned, String name) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/testdata/ocr");
        List<Doc> docs = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        Random random = new Random(42);
        try (OcrPipeline pipeline = new OcrPipeline(Recognizer.DEFAULT_DATA, HanFont.DEFAULT, 2);
                Stream<Path> files = Files.list(data.resolve("zh"))) {
            for (Path image :
                    files.filter(p -> !p.toString().endsWith(".txt")).sorted().toList()) {
                String truth = Files.readString(Path.of(image.toString().replaceAll("\\.[a-z]+$", ".gt.txt")));
                String read = pipeline.process(image, "chi_sim", OcrPipeline.Progress.NONE)
                        .text();
                docs.add(new Doc(truth, read, ""));
                queries.addAll(hanSubstrings(truth, 6, random));
                System.err.println("read " + image.getFileName());
            }
        }
        int realQueries = queries.size();
        new ReportPages(7, 0.03).pages(2000).forEach(p -> docs.add(new Doc(p.clean(), p.scanned(), p.name())));
        queries.addAll(ReportPages.FINDINGS);
        queries.addAll(List.of("白细胞计数", "谷丙转氨酶", "尿蛋白", "窦性心律", "双肺纹理增多", "胆囊壁光滑", "王秀英", "李建国", "张卫东", "刘桂兰"));
        System.out.printf(
                "%d pages (%d real, OCR-read; %d generated, 3%% of Han characters misread or dropped),"
                        + " %d queries (%d from the real pages' ground truth, %d report terms and names)%n%n",
                docs.size(), docs.size() - 2000, 2000, queries.size(), realQueries, queries.size() - realQueries);
        System.out.println("| analysis | recall@10 | precision@10 | recall (all hits) | precision (all hits) "
                + "| queries with no relevant hit | index s | median query ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (ChineseAnalysis analysis : ChineseAnalysis.values()) {
            run(analysis, docs, queries);
        }
    }

    private static void run(ChineseAnalysis analysis, List<Doc> docs, List<String> queries) throws Exception {
        Path dir = Files.createTempDirectory("analysis-" + analysis);
        try (LuceneBackend index = new LuceneBackend(dir, analysis)) {
            List<ArchivedPage> pages = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                pages.add(new ArchivedPage(
                        i,
                        1,
                        "13010210100100001",
                        docs.get(i).name(),
                        1,
                        List.of(1L),
                        DocumentType.AUX_EXAM_REPORT,
                        false,
                        null,
                        Instant.now(),
                        docs.get(i).scanned()));
            }
            long start = System.nanoTime();
            index.replace(List.of(), pages);
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            double recall10 = 0;
            double precision10 = 0;
            double recallAll = 0;
            double precisionAll = 0;
            int missed = 0;
            List<Double> millis = new ArrayList<>();
            for (String q : queries) {
                Set<Long> relevant = new HashSet<>();
                for (int i = 0; i < docs.size(); i++) {
                    if (docs.get(i).clean().replaceAll("\\s", "").contains(q)) {
                        relevant.add((long) i);
                    }
                }
                long t = System.nanoTime();
                SearchResult top = index.search(request(q, 10));
                millis.add((System.nanoTime() - t) / 1e6);
                SearchResult all = index.search(request(q, 10_000));
                long hit10 = top.hits().stream()
                        .filter(h -> relevant.contains(h.documentId()))
                        .count();
                long hitAll = all.hits().stream()
                        .filter(h -> relevant.contains(h.documentId()))
                        .count();
                recall10 += relevant.isEmpty() ? 1 : (double) hit10 / Math.min(10, relevant.size());
                precision10 += top.hits().isEmpty()
                        ? (relevant.isEmpty() ? 1 : 0)
                        : (double) hit10 / top.hits().size();
                recallAll += relevant.isEmpty() ? 1 : (double) hitAll / relevant.size();
                precisionAll += all.hits().isEmpty()
                        ? (relevant.isEmpty() ? 1 : 0)
                        : (double) hitAll / all.hits().size();
                if (!relevant.isEmpty() && hitAll == 0) {
                    missed++;
                }
            }
            millis.sort(null);
            int n = queries.size();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.3f | %d | %.1f | %.2f |%n",
                    analysis.name().toLowerCase(),
                    recall10 / n,
                    precision10 / n,
                    recallAll / n,
                    precisionAll / n,
                    missed,
                    indexSeconds,
                    millis.get(n / 2));
        }
    }

    private static SearchRequest request(String q, int size) {
        return new SearchRequest(
                new QueryExpr.Text(q), 1, true, null, null, null, null, null, SearchRequest.Sort.RELEVANCE, 0, size);
    }

    /** {@code count} runs of 2 to 4 Han characters from the text, at random places, none twice. */
    private static List<String> hanSubstrings(String text, int count, Random random) {
        String han = text.replaceAll("\\s", "");
        List<String> found = new ArrayList<>();
        int attempts = 0;
        while (found.size() < count && attempts++ < 10_000) {
            int length = 2 + random.nextInt(3);
            int at = random.nextInt(Math.max(1, han.length() - length));
            String candidate = han.substring(at, Math.min(han.length(), at + length));
            if (candidate.length() == length
                    && candidate
                            .codePoints()
                            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    && !found.contains(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }
}
