package org.dangan.workflow.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordQuery;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportResult;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates N realistic records (valid ID and record numbers) as a county export, imports them
 * through the real importer, then times the first page of the record list and of a filtered
 * query. Prints one line of figures; a benchmark, not a test. Run by src/bench/import.sh.
 */
public final class ImportBenchmark {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "建国", "桂英"};

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
        Path dir = Files.createTempDirectory("dangan-bench");
        List<String> springArgs = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        springArgs.add("--logging.level.root=warn");
        // the tests' configuration keeps files small; the benchmark's file is the whole county
        springArgs.add("--dangan.import.max-rows=" + rows);
        try (ConfigurableApplicationContext context =
                SpringApplication.run(TestApplication.class, springArgs.toArray(String[]::new))) {
            Institutions institutions = context.getBean(Institutions.class);
            String countyCode = Integer.toString(new Random().nextInt(110_000, 660_000) / 100 * 100 + 21);
            Institution county = institutions.register(countyCode, "基准县", InstitutionType.COUNTY_BUREAU, null);
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
            String user = "bench-" + countyCode;
            context.getBean(UserAccounts.class)
                    .create(user, "bench-password", "基准", Role.ARCHIVIST, county.getId(), Set.of());
            context.getBean(AsUser.class).login(user);

            Path csv = dir.resolve("export.csv");
            long t0 = System.nanoTime();
            generate(csv, rows, countyCode, townships);
            double generateSeconds = (System.nanoTime() - t0) / 1e9;

            long t1 = System.nanoTime();
            ImportResult result = context.getBean(RecordImporter.class)
                    .importFile(csv, "export.csv", null, ImportMode.REJECT_FILE, Locale.CHINA, (done, total, read) -> {
                        if (read % 100_000 == 0) {
                            System.out.printf(
                                    Locale.ROOT,
                                    "progress: %d rows, %.0f%%, %.1f s%n",
                                    read,
                                    100.0 * done / total,
                                    (System.nanoTime() - t1) / 1e9);
                        }
                    });
            double importSeconds = (System.nanoTime() - t1) / 1e9;
            if (result.accepted() != rows) {
                throw new IllegalStateException("imported " + result.accepted() + " of " + rows + ", first rejections: "
                        + result.rejected()
                                .subList(0, Math.min(3, result.rejected().size())));
            }

            Records records = context.getBean(Records.class);
            double firstPage = medianMillis(() -> records.list(RecordQuery.all(), 0, 50));
            RecordQuery filtered =
                    new RecordQuery(null, townships.get(3), RecordStatus.ACTIVE, KeyPopulation.HYPERTENSION);
            double filteredPage = medianMillis(() -> records.list(filtered, 0, 50));
            // the filter reads the tag rows the import wrote beside the comma column: both must
            // count the same, or the figure above times a wrong answer
            long filteredTotal = records.list(filtered, 0, 50).total();
            long byColumn = context.getBean(JdbcTemplate.class)
                    .queryForObject(
                            "select count(*) from health_record where record_number like ? and status = 'ACTIVE'"
                                    + " and key_populations like '%HYPERTENSION%'",
                            Long.class, townships.get(3) + "%");
            if (filteredTotal != byColumn) {
                throw new IllegalStateException(
                        "filtered total " + filteredTotal + " but the comma column has " + byColumn);
            }
            double namePage = medianMillis(() -> records.list(new RecordQuery("王秀", null, null, null), 0, 50));
            // a resident signing in is found by ID number: the last record the import wrote
            String idNumber = context.getBean(JdbcTemplate.class)
                    .queryForObject(
                            "select id_number from health_record where id = (select max(id) from health_record)",
                            String.class);
            RecordBatches batches = context.getBean(RecordBatches.class);
            if (batches.contactsByIdNumber(idNumber).isEmpty()) {
                throw new IllegalStateException("the last imported record is not found by its ID number");
            }
            double idLookup = medianMillis(() -> batches.contactsByIdNumber(idNumber));
            double scrollPage = medianMillis(() -> records.fetch(RecordQuery.all(), 0, 50));
            // what the record screen does: one window of rows and a count capped at 10,001
            double screenPage = medianMillis(() -> {
                records.fetch(RecordQuery.all(), 0, 50);
                records.countUpTo(RecordQuery.all(), 10_001);
            });
            double screenFiltered = medianMillis(() -> {
                records.fetch(filtered, 0, 50);
                records.countUpTo(filtered, 10_001);
            });
            // a county archivist picking a key population without a township: the whole county's tagged rows
            RecordQuery countyTag = new RecordQuery(null, null, null, KeyPopulation.HYPERTENSION);
            double screenCountyTag = medianMillis(() -> {
                records.fetch(countyTag, 0, 50);
                records.countUpTo(countyTag, 10_001);
            });

            System.out.printf(
                    Locale.ROOT,
                    "RESULT rows=%d db=%s generate_s=%.1f import_s=%.1f rows_per_s=%.0f "
                            + "peak_rss_mb=%d first_page_ms=%.1f filtered_page_ms=%.1f name_page_ms=%.1f "
                            + "scroll_fetch_ms=%.1f screen_page_ms=%.1f screen_filtered_ms=%.1f"
                            + " screen_county_tag_ms=%.1f id_lookup_ms=%.2f csv_mb=%.0f"
                            + " filtered_total=%d%n",
                    rows,
                    databaseOf(context),
                    generateSeconds,
                    importSeconds,
                    rows / importSeconds,
                    peakRssMb(),
                    firstPage,
                    filteredPage,
                    namePage,
                    scrollPage,
                    screenPage,
                    screenFiltered,
                    screenCountyTag,
                    idLookup,
                    Files.size(csv) / 1e6,
                    filteredTotal);
            Files.delete(csv);
        }
        // the closed context leaves a worker thread behind that would keep the JVM (and the script) waiting
        System.exit(0);
    }

    public static void generate(Path csv, int rows, String countyCode, List<String> townships) throws IOException {
        Random random = new Random(42);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("健康档案编号,姓名,性别,出生日期,身份证号,联系电话,现住址,重点人群,最近服务日期\n");
            for (int i = 0; i < rows; i++) {
                String township = townships.get(i % townships.size());
                int perTownship = i / townships.size();
                String number = township
                        + "%03d".formatted(201 + perTownship / 99_999)
                        + "%05d".formatted(1 + perTownship % 99_999);
                Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                LocalDate birth = today.minusDays(1 + random.nextInt(365 * 90));
                String id = Fixtures.idNumber(countyCode, birth, gender, random.nextInt(500));
                int age = birth.until(today).getYears();
                StringBuilder tags = new StringBuilder();
                if (age >= 65) {
                    tags.append("老年人");
                }
                if (age >= 35 && random.nextInt(5) == 0) {
                    tags.append(tags.isEmpty() ? "" : ";").append("高血压");
                }
                if (age <= 6) {
                    tags.append("儿童");
                }
                out.write(number + "," + SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + "," + (gender == Gender.MALE ? "男" : "女") + "," + birth + "," + id + ",1"
                        + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000))
                        + ",某县某镇某村" + random.nextInt(300) + "号," + tags + ","
                        + latest(birth, today.minusDays(random.nextInt(900))) + "\n");
            }
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double medianMillis(Runnable query) {
        query.run(); // warm caches and JIT once
        double[] times = new double[11];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            query.run();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    static String databaseOf(ConfigurableApplicationContext context) throws Exception {
        try (var c = context.getBean(DataSource.class).getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        }
    }
}
