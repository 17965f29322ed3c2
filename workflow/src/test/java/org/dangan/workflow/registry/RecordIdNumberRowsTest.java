package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportProgress;
import org.dangan.workflow.registry.importing.ImportResult;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.ExportFile;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lookup by ID number reads the ID numbers' own rows (037-record-id-number.yaml), which an
 * import writes in one sorted statement at its end and every other writer as it writes. Every
 * way a record's ID number is written leaves it found, and indexed once.
 */
@DanganTest
class RecordIdNumberRowsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordImporter importer;

    @Autowired
    Records records;

    @Autowired
    RecordBatches batches;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    RecordMerge merges;

    @Autowired
    ReceivedRecords received;

    @Autowired
    RecordRows recordRows;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path dir;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private String township() {
        return county.a().getCode();
    }

    private String idNumberOf(int serial) {
        LocalDate birth = LocalDate.of(1940 + serial % 60, 1 + serial % 12, 1 + serial % 28);
        return Fixtures.idNumber(
                township().substring(0, 6), birth, serial % 2 == 0 ? Gender.FEMALE : Gender.MALE, serial);
    }

    private String numberOf(int serial) {
        return township() + "001" + "%05d".formatted(serial);
    }

    private List<String> foundBy(String idNumber) {
        return batches.contactsByIdNumber(idNumber).stream()
                .map(RecordBatches.ResidentContact::recordNumber)
                .toList();
    }

    private long rowsOf(String recordNumber) {
        return jdbc.queryForObject("""
                select count(*) from record_id_number x join health_record r on r.id = x.record_id
                where r.record_number = ?""", Long.class, recordNumber);
    }

    private ImportResult importRows(ImportMode mode, ExportFile export) {
        asUser.login(county.user("archivist-a"));
        return importer.importFile(
                export.write(dir, StandardCharsets.UTF_8),
                "export.csv",
                null,
                mode,
                Locale.SIMPLIFIED_CHINESE,
                ImportProgress.NONE);
    }

    @Test
    void imported_records_are_found_by_their_id_numbers_and_indexed_once() {
        importRows(
                ImportMode.REJECT_FILE,
                ExportFile.chinese().validRow(township(), 1).validRow(township(), 2));
        // a second import into a registry that already holds records
        importRows(
                ImportMode.REJECT_FILE,
                ExportFile.chinese().validRow(township(), 3).validRow(township(), 4));

        for (int serial = 1; serial <= 4; serial++) {
            assertThat(foundBy(idNumberOf(serial))).as("serial %d", serial).containsExactly(numberOf(serial));
            assertThat(rowsOf(numberOf(serial))).as("rows of serial %d", serial).isEqualTo(1);
        }
    }

    @Test
    void a_rejected_file_leaves_no_rows_and_valid_rows_mode_indexes_what_it_writes() {
        ExportFile export = ExportFile.chinese()
                .validRow(township(), 1)
                .validRow(township(), 2)
                .set("身份证号", "not-an-id-number");

        ImportResult rejected = importRows(ImportMode.REJECT_FILE, export);
        assertThat(rejected.written()).isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from record_id_number where id_number = ?", Long.class, idNumberOf(1)))
                .isZero();

        ImportResult valid = importRows(ImportMode.VALID_ROWS, export);
        assertThat(valid.accepted()).isEqualTo(1);
        assertThat(foundBy(idNumberOf(1))).containsExactly(numberOf(1));
        assertThat(rowsOf(numberOf(1))).isEqualTo(1);
    }

    @Test
    void a_record_registered_through_the_aggregate_is_found() {
        HealthRecord record = registry.register(new HealthRecord(
                RecordNumber.of(numberOf(7)),
                "测试七",
                Gender.MALE,
                LocalDate.of(1940 + 7, 8, 8),
                idNumberOf(7),
                county.a().getId()));

        assertThat(foundBy(idNumberOf(7))).containsExactly(record.getRecordNumber());
        assertThat(rowsOf(record.getRecordNumber())).isEqualTo(1);
    }

    @Test
    void a_corrected_id_number_finds_the_record_and_the_old_number_no_longer_does() {
        importRows(ImportMode.REJECT_FILE, ExportFile.chinese().validRow(township(), 1));
        String corrected = idNumberOf(3);

        records.correct(numberOf(1), new RecordCorrection(null, null, null, corrected, null, null, null, null));

        assertThat(foundBy(corrected)).containsExactly(numberOf(1));
        // its row for the old number stays behind; the lookup compares the record's own number too
        assertThat(foundBy(idNumberOf(1))).isEmpty();
    }

    @Test
    void a_merge_taking_the_duplicates_id_number_finds_the_survivor_by_it() {
        LocalDate birth = LocalDate.of(1950, 3, 7);
        HealthRecord survivor = registry.register(new HealthRecord(
                RecordNumber.of(numberOf(11)),
                "测试",
                Gender.MALE,
                birth,
                idNumberOf(11),
                county.a().getId()));
        // the same person by name and birth date, registered under another ID number
        HealthRecord duplicate = registry.register(new HealthRecord(
                RecordNumber.of(numberOf(12)),
                "测试",
                Gender.MALE,
                birth,
                idNumberOf(13),
                county.a().getId()));
        asUser.login(county.user("archivist-a"));

        merges.merge(survivor.getRecordNumber(), duplicate.getRecordNumber(), Set.of("idNumber"));

        assertThat(foundBy(idNumberOf(13))).contains(survivor.getRecordNumber());
        assertThat(foundBy(idNumberOf(11))).doesNotContain(survivor.getRecordNumber());
    }

    @Test
    void records_received_in_a_bag_are_found() {
        String idNumber = idNumberOf(5);
        transaction.executeWithoutResult(s -> received.receive(
                county.b().getId(),
                null,
                "另一县",
                List.of(new ReceivedRecords.Record(
                        numberOf(5),
                        "王秀英",
                        "女",
                        LocalDate.of(1945, 6, 6),
                        idNumber,
                        null,
                        null,
                        "",
                        "ACTIVE",
                        null,
                        null)),
                List.of(),
                "test"));

        assertThat(foundBy(idNumber)).containsExactly(numberOf(5));
        assertThat(rowsOf(numberOf(5))).isEqualTo(1);
    }

    @Test
    void a_record_another_writer_commits_during_a_bulk_write_is_indexed_once() {
        TransactionTemplate other = new TransactionTemplate(transactionManager);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(s -> {
            RecordRows.Bulk bulk = recordRows.bulk();
            // committed by its own writer while the bulk is open, with an id inside the bulk's range
            other.executeWithoutResult(t -> registry.register(new HealthRecord(
                    RecordNumber.of(numberOf(8)),
                    "测试八",
                    Gender.FEMALE,
                    LocalDate.of(1948, 9, 9),
                    idNumberOf(8),
                    county.a().getId())));
            bulk.insert(List.of(new RecordRows.Row(
                    numberOf(9),
                    "测试九",
                    Gender.MALE,
                    LocalDate.of(1949, 10, 10),
                    idNumberOf(9),
                    null,
                    null,
                    Set.of(),
                    RecordStatus.ACTIVE,
                    county.a().getId(),
                    null,
                    null,
                    null)));
            assertThat(foundBy(idNumberOf(9))).as("before the bulk finishes").isEmpty();
            bulk.finish();
        });

        assertThat(foundBy(idNumberOf(8))).containsExactly(numberOf(8));
        assertThat(foundBy(idNumberOf(9))).containsExactly(numberOf(9));
        assertThat(rowsOf(numberOf(8))).isEqualTo(1);
        assertThat(rowsOf(numberOf(9))).isEqualTo(1);
    }

    @Test
    void the_migration_indexes_the_records_already_in_the_registry() throws Exception {
        // a database of its own, migrated to the change before this one, given a record, then migrated on
        try (Connection c =
                DriverManager.getConnection("jdbc:h2:mem:id-number-migration;DB_CLOSE_DELAY=-1", "sa", "")) {
            Liquibase liquibase = new Liquibase(
                    "db/changelog/db.changelog-master.yaml",
                    new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)));
            int unrun = liquibase
                    .listUnrunChangeSets(new Contexts(), new LabelExpression())
                    .size();
            liquibase.update(unrun - 1, new Contexts(), new LabelExpression());
            try (Statement s = c.createStatement()) {
                s.execute(
                        "insert into institution (code, name, type, path, status) values ('130123101', '镇', 'TOWNSHIP_CENTRE', '/1', 'ACTIVE')");
                s.execute("""
                        insert into health_record (record_number, name, status, institution_id, id_number)
                        select '13012310100100001', '居民甲', 'ACTIVE', id, '130123194001010011' from institution""");
                s.execute("""
                        insert into health_record (record_number, name, status, institution_id)
                        select '13012310100100002', '居民乙', 'ACTIVE', id from institution""");
            }

            liquibase.update(new Contexts(), new LabelExpression());

            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                            select x.id_number, r.record_number from record_id_number x
                            join health_record r on r.id = x.record_id""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("130123194001010011");
                assertThat(rs.getString(2)).isEqualTo("13012310100100001");
                assertThat(rs.next())
                        .as("a record without an ID number has no row")
                        .isFalse();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select count(*) from information_schema.indexes where index_name = 'IX_RECORD_ID_NUMBER'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the index the rows replace").isZero();
            }
        }
    }
}
