package org.dangan.workflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.verification.Campaign;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignState;
import org.dangan.workflow.verification.Campaigns;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A verification campaign over N generated records (ten townships) on the real process with the
 * job executor on: rule-check throughput, the time a supervisor's task list and the campaign
 * dashboard take to open while the checks run, the time to draw a township's sample, and peak
 * RSS. Prints one RESULT line; a benchmark, not a test. Run by src/bench/campaign.sh.
 */
public final class CampaignBenchmark {

    private CampaignBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        List<String> springArgs = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        springArgs.add("--logging.level.root=warn");
        // the tests' configuration keeps files small; the benchmark's file is the whole county
        springArgs.add("--dangan.import.max-rows=" + rows);
        springArgs.add("--camunda.bpm.job-execution.enabled=true");
        springArgs.add("--dangan.verification.batch-size=1000");
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
            Institution first = institutions.byCode(townships.get(0)).orElseThrow();
            String p = "bench" + countyCode + "-";
            users.create(p + "importer", "bench-password", "导入", Role.ARCHIVIST, county.getId(), Set.of());
            users.create(p + "supervisor", "bench-password", "县主管", Role.SUPERVISOR, county.getId(), Set.of());
            users.create(p + "archivist", "bench-password", "镇档案员", Role.ARCHIVIST, first.getId(), Set.of());
            users.create(p + "head", "bench-password", "镇院长", Role.SUPERVISOR, first.getId(), Set.of());

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

            Campaigns campaigns = context.getBean(Campaigns.class);
            CampaignReports reports = context.getBean(CampaignReports.class);
            CampaignInbox inbox = context.getBean(CampaignInbox.class);
            asUser.login(p + "supervisor");
            long t0 = System.nanoTime();
            Campaign campaign = campaigns.start(new Campaigns.StartRequest(
                    townships, LocalDate.now(ChinaTime.ZONE).plusMonths(3), null, 42L));
            List<Double> taskList = new ArrayList<>();
            List<Double> dashboard = new ArrayList<>();
            // every 2 s while the checks run: what opening the task inbox and the campaign dashboard cost
            Awaitility.await()
                    .atMost(Duration.ofHours(1))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        if (campaigns.load(campaign.getId()).getState() != CampaignState.RULE_CHECKS) {
                            return true;
                        }
                        asUser.login(p + "head");
                        taskList.add(millis(inbox::mine));
                        asUser.login(p + "supervisor");
                        dashboard.add(millis(() -> reports.progress(campaign.getId())));
                        System.out.printf(
                                "progress: %d of %d records checked%n",
                                campaigns.load(campaign.getId()).getRecordsChecked(), imported);
                        return false;
                    });
            double checkSeconds = (System.nanoTime() - t0) / 1e9;

            // one township's self-check and head sign-off, then the draw of its sample by the job executor
            asUser.login(p + "archivist");
            inbox.complete(only(inbox.mine()).taskId(), Map.of());
            asUser.login(p + "head");
            inbox.complete(only(inbox.mine()).taskId(), Map.of());
            HistoryService history = context.getBean(HistoryService.class);
            HistoricActivityInstance draw = Awaitility.await()
                    .atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> history.createHistoricActivityInstanceQuery()
                                    .processInstanceId(campaign.getProcessInstanceId())
                                    .activityId("drawSample")
                                    .finished()
                                    .singleResult(),
                            Objects::nonNull);
            long findings = context.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from finding where campaign_id = ?", Long.class, campaign.getId());
            System.out.printf(
                    Locale.ROOT,
                    "RESULT rows=%d db=%s check_s=%.1f records_per_s=%.0f findings=%d "
                            + "draw_sample_ms=%d township_records=%d task_list_ms_median=%.1f task_list_ms_max=%.1f "
                            + "dashboard_ms_median=%.1f dashboard_ms_max=%.1f peak_rss_mb=%d%n",
                    rows,
                    ImportBenchmark.databaseOf(context),
                    checkSeconds,
                    imported / checkSeconds,
                    findings,
                    draw.getDurationInMillis(),
                    imported / 10,
                    median(taskList),
                    max(taskList),
                    median(dashboard),
                    max(dashboard),
                    ImportBenchmark.peakRssMb());
        }
        // the closed context leaves a worker thread behind that would keep the JVM (and the script) waiting
        System.exit(0);
    }

    private static CampaignInbox.WorkItem only(List<CampaignInbox.WorkItem> items) {
        if (items.size() != 1) {
            throw new IllegalStateException("expected one task, found " + items);
        }
        return items.get(0);
    }

    private static double millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
