package org.dangan.workflow.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.dangan.workflow.document.ArchivedPages.ArchivedPage;
import org.dangan.workflow.registry.DocumentType;

/**
 * Indexing and query speed: N generated report pages (1 city, 10 counties, 100 townships; 5%
 * restricted) are built into a fresh index as a rebuild does, then a fixed query mix runs as one
 * user and as 8 concurrent users, every query scoped to a county or a township as a searcher's is.
 *   src/bench/search.sh lucene 1000000
 *   src/bench/search.sh elasticsearch 100000   (a node in the benchmark's JVM)
 */
public final class SearchBenchmark {

    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        String backendName = args.length > 0 ? args[0] : "lucene";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("search-bench");
        SearchBackend backend = backendName.equals("elasticsearch")
                ? new ElasticsearchBackend(
                        ElasticsearchNode.url(), "", "", "bench-" + System.nanoTime(), ChineseAnalysis.BIGRAM)
                : new LuceneBackend(dir, ChineseAnalysis.BIGRAM);
        System.out.printf(
                "%s, %,d pages, %d cores, heap max %d MB%n",
                backend.name(),
                total,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        ReportPages generator = new ReportPages(11, 0.03);
        Random random = new Random(5);
        long start = System.nanoTime();
        try (SearchBackend.Rebuild rebuild = backend.rebuild()) {
            List<ArchivedPage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < total; i++) {
                ReportPages.Page p = generator.next();
                long county = 10 + random.nextInt(10);
                long township = county * 10 + random.nextInt(10);
                boolean restricted = random.nextInt(20) == 0;
                batch.add(new ArchivedPage(
                        i,
                        1,
                        "1301%02d%03d%08d".formatted(county, township, i),
                        p.name(),
                        township,
                        List.of(1L, county, township),
                        restricted ? DocumentType.SEVERE_MENTAL_DISORDER : DocumentType.AUX_EXAM_REPORT,
                        restricted,
                        p.date(),
                        Instant.parse("2025-06-01T00:00:00Z"),
                        p.scanned()));
                if (batch.size() == BATCH) {
                    rebuild.add(batch);
                    batch = new ArrayList<>(BATCH);
                }
                if ((i + 1) % (total / 10) == 0) {
                    System.out.printf(
                            "indexed %,d of %,d pages, %.0f s%n", i + 1, total, (System.nanoTime() - start) / 1e9);
                }
            }
            rebuild.add(batch);
            rebuild.complete();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "INDEX %,d pages in %.1f s: %.0f pages/s; index %s; peak RSS %d MB%n",
                total,
                seconds,
                total / seconds,
                backendName.equals("lucene") ? size(dir) : "(in the node)",
                peakRssMb());

        List<SearchRequest> mix = mix(new Random(9));
        for (int i = 0; i < 200; i++) {
            backend.search(mix.get(i % mix.size())); // warm up
        }
        List<Double> single = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long t = System.nanoTime();
            backend.search(mix.get(i % mix.size()));
            single.add((System.nanoTime() - t) / 1e6);
        }
        report("1 user", single, 0);
        ExecutorService users = Executors.newFixedThreadPool(8);
        List<Double> concurrent = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> running = new ArrayList<>();
        long began = System.nanoTime();
        for (int u = 0; u < 8; u++) {
            int offset = u * 37;
            running.add(users.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    long t = System.nanoTime();
                    backend.search(mix.get((offset + i) % mix.size()));
                    concurrent.add((System.nanoTime() - t) / 1e6);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        report("8 users", concurrent, 4_000 / ((System.nanoTime() - began) / 1e9));
        users.shutdown();
        System.out.printf("peak RSS %d MB%n", peakRssMb());
        backend.close();
        System.exit(0);
    }

    /** Terms, phrases, AND/NOT, names, record numbers; filters by type, subtree and dates; sorted by date. */
    private static List<SearchRequest> mix(Random random) {
        List<SearchRequest> mix = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long county = 10 + random.nextInt(10);
            long township = county * 10 + random.nextInt(10);
            boolean countyWide = random.nextBoolean();
            long scope = countyWide ? county : township;
            String finding = ReportPages.FINDINGS.get(random.nextInt(ReportPages.FINDINGS.size()));
            String other = ReportPages.FINDINGS.get(random.nextInt(ReportPages.FINDINGS.size()));
            String name = ReportPages.SURNAMES.get(random.nextInt(20)) + ReportPages.GIVEN.get(random.nextInt(20));
            QueryExpr q = switch (i % 6) {
                case 0 -> QueryParser.parse(finding);
                case 1 -> QueryParser.parse("\"诊断：" + finding + "\"");
                case 2 -> QueryParser.parse(finding + " AND NOT " + other);
                case 3 -> QueryParser.parse(name);
                case 4 -> QueryParser.parse("白细胞计数 OR 谷丙转氨酶");
                default -> QueryParser.parse(finding + " " + "报告日期");
            };
            SearchRequest.Sort sort = i % 5 == 0 ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE;
            LocalDate from = i % 4 == 0 ? LocalDate.of(2023, 1, 1) : null;
            String type = i % 7 == 0 ? "AUX_EXAM_REPORT" : null;
            Long within = countyWide && i % 3 == 0 ? township : null;
            mix.add(new SearchRequest(q, scope, false, within, type, null, from, null, sort, 0, 20));
        }
        return mix;
    }

    private static void report(String who, List<Double> millis, double perSecond) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        System.out.printf(
                Locale.ROOT,
                "QUERIES %s: %d queries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%s%n",
                who,
                sorted.size(),
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                perSecond > 0 ? String.format(Locale.ROOT, ", %.0f queries/s", perSecond) : "");
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
    }

    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
