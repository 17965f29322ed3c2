package org.dangan.workflow.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.document.BornDigital;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.search.SearchResult;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.ScratchDatabase;
import org.dangan.workflow.verification.Campaigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A populated instance (records, paper files boxed with their ledger, an archived document in the
 * file store, a campaign in flight) is backed up while it runs, restored into an empty home and an
 * empty database, and a second application started on the restored copy sees the same thing.
 */
@DanganTest
class BackupRestoreTest {

    static final List<String> TABLES = List.of(
            "health_record",
            "paper_file",
            "box",
            "custody_entry",
            "scanned_document",
            "document_page",
            "verification_campaign",
            "finding",
            "act_ru_execution",
            "act_ru_task",
            "act_ru_job",
            "act_hi_procinst");

    @Autowired
    Backups backups;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    BornDigital bornDigital;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SearchIndex index;

    @Autowired
    Search search;

    @Autowired
    AsUser asUser;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    FileStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSourceProperties dataSource;

    @TempDir
    Path temp;

    @Test
    void a_restored_backup_holds_the_same_archive_processes_and_search_results() throws Exception {
        Fixtures.County county = fixtures.county();
        Box box = fixtures.box(county.a(), 1);
        HealthRecord first = null;
        for (int serial = 1; serial <= 5; serial++) {
            HealthRecord r = fixtures.record(county.a(), serial);
            first = first == null ? r : first;
            String file = r.getRecordNumber() + "-02";
            registry.register(new PaperFile(file, r.getId(), Map.of(DocumentType.AUX_EXAM_REPORT, serial)));
            registry.store(file, box.getBarcode());
        }
        String recordNumber = first.getRecordNumber();
        long document = transactions.execute(t -> bornDigital.archive(
                recordNumber, DocumentType.AUX_EXAM_REPORT, List.of(List.of("甲镇卫生院 尿常规检验报告单", "尿蛋白 阴性 备份恢复")), "test"));
        index.drain();
        asUser.login(county.user("county-supervisor"));
        String processInstance = campaigns
                .start(new Campaigns.StartRequest(
                        List.of(county.a().getCode()),
                        LocalDate.now(ChinaTime.ZONE).plusDays(30),
                        null,
                        7L))
                .getProcessInstanceId();
        AsUser.logout();

        Map<String, Long> counts = counts(jdbc);
        List<String> running = runningActivities(jdbc);
        assertThat(running).anyMatch(a -> a.startsWith(processInstance));
        List<Long> found = documents(search, asUser, county.user("archivist-a"));
        assertThat(found).contains(document);
        String pdf =
                jdbc.queryForObject("select pdf_sha256 from scanned_document where id = ?", String.class, document);

        Path backupDir = temp.resolve("backup");
        List<BackupProgress> progress = new ArrayList<>();
        Backups.Snapshot snapshot = backups.take(backupDir, progress::add);
        assertThat(snapshot.filesCopied()).isPositive();
        assertThat(progress).last().satisfies(p -> assertThat(p.fraction()).isEqualTo(1.0));
        assertThat(Files.readString(snapshot.directory().resolve(BackupManifest.FILE_NAME)))
                .contains(pdf + "  files/sha256/" + pdf.substring(0, 2) + "/" + pdf.substring(2, 4) + "/" + pdf);
        // the store's files are copied once: a second backup into the same directory takes only the database
        Backups.Snapshot again = backups.take(backupDir, p -> {});
        assertThat(again.filesCopied()).isZero();
        assertThat(again.storeFiles()).isEqualTo(snapshot.storeFiles());
        assertThat(backups.list(backupDir))
                .extracting(Backups.Snapshot::name)
                .containsExactly(again.name(), snapshot.name());

        Path home = temp.resolve("restored-home");
        String url = ScratchDatabase.emptied(dataSource);
        Restore restore = new Restore(home, url, dataSource.determineUsername(), dataSource.determinePassword());
        Restore.Restored restored = restore.from(backupDir, snapshot.name(), p -> {});
        assertThat(restored.storeFiles()).isEqualTo(snapshot.storeFiles());
        assertThatThrownBy(() -> restore.from(backupDir, null, p -> {}))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("not empty");

        try (ConfigurableApplicationContext copy = SpringApplication.run(
                TestApplication.class,
                "--spring.datasource.url=" + url,
                "--dangan.home=" + home,
                "--server.port=0",
                "--dangan.search.lucene.path=" + home.resolve("search"))) {
            JdbcTemplate restoredJdbc = copy.getBean(JdbcTemplate.class);
            assertThat(counts(restoredJdbc)).isEqualTo(counts);
            assertThat(runningActivities(restoredJdbc)).isEqualTo(running);
            assertThat(restoredJdbc.queryForObject(
                            "select count(*) from act_ru_job where lock_owner_ is not null", Long.class))
                    .isZero();
            assertThat(copy.getBean(RuntimeService.class)
                            .createProcessInstanceQuery()
                            .processInstanceId(processInstance)
                            .active()
                            .count())
                    .isEqualTo(1);
            CustodyLedger.Verification chain = copy.getBean(CustodyLedger.class).verify();
            assertThat(chain.valid()).isTrue();
            assertThat(chain.entries()).isEqualTo(ledger.verify().entries());
            FileStore restoredStore = copy.getBean(FileStore.class);
            for (String hash : jdbc.queryForList(
                    "select original_sha256 from scanned_document where pdf_sha256 is not null"
                            + " union select pdf_sha256 from scanned_document where pdf_sha256 is not null",
                    String.class)) {
                if (Files.exists(store.path(hash))) {
                    assertThat(BackupManifest.sha256(restoredStore.path(hash))).isEqualTo(hash);
                }
            }
            // a restored home has no index: the application builds it from the restored database at start
            copy.getBean(SearchIndex.class).backgroundRebuild().get(2, TimeUnit.MINUTES);
            assertThat(documents(copy.getBean(Search.class), copy.getBean(AsUser.class), county.user("archivist-a")))
                    .isEqualTo(found);
        }
    }

    @Test
    void a_backup_that_does_not_verify_is_refused_and_nothing_is_restored() throws Exception {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.b(), 1);
        transactions.execute(t -> bornDigital.archive(
                record.getRecordNumber(), DocumentType.AUX_EXAM_REPORT, List.of(List.of("乙镇卫生院 心电图报告")), "test"));
        Path backupDir = temp.resolve("backup");
        Backups.Snapshot snapshot = backups.take(backupDir, p -> {});
        String line = Files.readAllLines(snapshot.directory().resolve(BackupManifest.FILE_NAME)).stream()
                .filter(l -> l.contains("files/sha256/"))
                .findFirst()
                .orElseThrow();
        Path stored = backupDir.resolve(line.substring(66));
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);

        Path home = temp.resolve("restored-home");
        String url = ScratchDatabase.emptied(dataSource);
        Restore restore = new Restore(home, url, dataSource.determineUsername(), dataSource.determinePassword());
        assertThatThrownBy(() -> restore.from(backupDir, null, p -> {}))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("does not verify")
                .hasMessageContaining(line.substring(66));
        assertThat(Snapshots.regularFiles(home)).isEmpty();
        assertThat(new DatabaseDump.Jdbc(url, dataSource.determineUsername(), dataSource.determinePassword()).isEmpty())
                .isTrue();
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** Every running execution's process instance and activity, in a fixed order. */
    private static List<String> runningActivities(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "select proc_inst_id_ || ' ' || coalesce(act_id_, '-') from act_ru_execution"
                        + " order by proc_inst_id_, id_",
                String.class);
    }

    private static List<Long> documents(Search search, AsUser asUser, String user) {
        asUser.login(user);
        try {
            SearchResult result = search.search(new Search.Query("备份恢复", null, null, null, null, null, null, 0, 20));
            return result.hits().stream()
                    .map(SearchResult.Hit::documentId)
                    .distinct()
                    .sorted()
                    .toList();
        } finally {
            AsUser.logout();
        }
    }
}
