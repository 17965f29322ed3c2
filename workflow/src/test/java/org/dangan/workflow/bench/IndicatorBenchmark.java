package org.dangan.workflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.assessment.IndicatorComputation;
import org.dangan.workflow.assessment.IndicatorSnapshots;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The assessment at county scale (issue 20): N generated records over ten townships, then the
 * indicators computed three times (the nightly job's work) and the dashboard read fifty times as
 * the county supervisor (the county with its townships, one township, a twelve-month trend).
 * Prints one RESULT line; a benchmark, not a test. Run by src/bench/indicators.sh.
 */
public final class IndicatorBenchmark {

    private IndicatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        List<String> springArgs = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        springArgs.add("--logging.level.root=warn");
        // the tests' configuration keeps files small; one county file here is the whole county
        springArgs.add("--dangan.import.max-rows=" + rows);
        springArgs.add("--logging.level.org.dangan.workflow.assessment=info");
        try (ConfigurableApplicationContext context =
                SpringApplication.run(TestApplication.class, springArgs.toArray(String[]::new))) {
            Institutions institutions = context.getBean(Institutions.class);
            UserAccounts users = context.getBean(UserAccounts.class);
            AsUser asUser = context.getBean(AsUser.class);
            int prefix = new Random().nextInt(1100, 6600);
            Institution city = institutions.register(prefix + "00", "基准市", InstitutionType.CITY, null);
            String countyCode = prefix + "21";
            Institution county = institutions.register(countyCode, "基准县", InstitutionType.COUNTY_BUREAU, city.getId());
            List<String> townships = new ArrayList<>();
            for (int t = 1; t <= 10; t++) {
                townships.add(institutions
                        .register(
                                countyCode + "%03d".formatted(100 + t),
                                "基准镇" + t,
                                InstitutionType.TOWNSHIP_CENTRE,
                                county.getId())
                        .getCode());
            }
            String p = "bench" + countyCode + "-";
            users.create(p + "importer", "bench-password", "导入", Role.ARCHIVIST, county.getId(), Set.of());
            users.create(p + "supervisor", "bench-password", "县主管", Role.SUPERVISOR, county.getId(), Set.of());

            Path dir = Files.createTempDirectory("dangan-bench");
            Path csv = dir.resolve("export.csv");
            ImportBenchmark.generate(csv, rows, countyCode, townships);
            asUser.login(p + "importer");
            long imported = context.getBean(RecordImporter.class)
                    .importFile(
                            csv, "export.csv", null, ImportMode.REJECT_FILE, Locale.CHINA, (done, total, read) -> {})
                    .accepted();
            Files.delete(csv);
            System.out.printf("imported %d records%n", imported);
            // a paper file per record, a third of them holding examination reports, a fifth retired:
            // the import has no paper, and the paper indicators should count something
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("""
                    insert into paper_file (file_number, record_id, page_count, state, version)
                    select record_number || '-01', id, 6, case when mod(id, 5) = 0 then 'RETIRED_PAPER' else 'STORED' end, 0
                    from health_record where record_number like ?""", countyCode + "%");
            jdbc.update("""
                    insert into paper_file_content (paper_file_id, document_type, pages)
                    select f.id, 'AUX_EXAM_REPORT', 2 from paper_file f
                    where mod(f.id, 3) = 0 and f.file_number like ?""", countyCode + "%");
            System.out.println("paper files added");

            IndicatorComputation computation = context.getBean(IndicatorComputation.class);
            IndicatorSnapshots snapshots = context.getBean(IndicatorSnapshots.class);
            asUser.login(p + "supervisor");
            List<Double> compute = new ArrayList<>();
            for (int run = 1; run <= 3; run++) {
                compute.add(millis(computation::computeNow) / 1000);
                System.out.printf(Locale.ROOT, "computation %d: %.1f s%n", run, compute.get(compute.size() - 1));
            }
            List<Double> level = new ArrayList<>();
            List<Double> township = new ArrayList<>();
            List<Double> trend = new ArrayList<>();
            YearMonth month = YearMonth.now(ChinaTime.ZONE);
            for (int i = 0; i < 50; i++) {
                level.add(millis(() -> snapshots.level(countyCode)));
                township.add(millis(() -> snapshots.of(townships.get(0))));
                trend.add(millis(() -> snapshots.trend(countyCode, "dynamicUseRate", 12, month)));
            }
            System.out.printf(
                    Locale.ROOT,
                    "RESULT rows=%d db=%s compute_s_median=%.1f compute_s_runs=%s county_level_ms_median=%.1f "
                            + "county_level_ms_p95=%.1f township_ms_median=%.1f trend_ms_median=%.1f peak_rss_mb=%d%n",
                    rows,
                    ImportBenchmark.databaseOf(context),
                    median(compute),
                    compute,
                    median(level),
                    percentile(level, 0.95),
                    median(township),
                    median(trend),
                    ImportBenchmark.peakRssMb());
        }
        // the closed context leaves a worker thread behind that would keep the JVM (and the script) waiting
        System.exit(0);
    }

    private static double millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> xs) {
        return percentile(xs, 0.5);
    }

    private static double percentile(List<Double> xs, double p) {
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}
