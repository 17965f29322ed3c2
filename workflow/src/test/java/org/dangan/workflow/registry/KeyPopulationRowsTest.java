package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportProgress;
import org.dangan.workflow.registry.importing.RecordImporter;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list filters by key population through rows of their own; the comma column stays as the
 * copy screens read. Every way a record's tags are written leaves the two telling the same.
 */
@DanganTest
class KeyPopulationRowsTest {

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
    RecordMerge merges;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    ReceivedRecords received;

    @Autowired
    TransactionTemplate transaction;

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

    private Set<KeyPopulation> rowsOf(String recordNumber) {
        return jdbc
                .queryForList(
                        "select key_population from health_record_key_population where record_number = ?",
                        String.class,
                        recordNumber)
                .stream()
                .map(KeyPopulation::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyPopulation.class)));
    }

    private Set<KeyPopulation> columnOf(String recordNumber) {
        return KeyPopulation.knownOf(jdbc.queryForObject(
                "select key_populations from health_record where record_number = ?", String.class, recordNumber));
    }

    private void assertTagged(String recordNumber, KeyPopulation... tags) {
        Set<KeyPopulation> expected = tags.length == 0 ? Set.of() : EnumSet.of(tags[0], tags);
        assertThat(columnOf(recordNumber))
                .as("comma column of %s", recordNumber)
                .isEqualTo(expected);
        assertThat(rowsOf(recordNumber)).as("tag rows of %s", recordNumber).isEqualTo(expected);
    }

    private List<String> listed(KeyPopulation tag) {
        return records.list(new RecordQuery(null, county.a().getCode(), null, tag), 0, 50).items().stream()
                .map(RecordSummary::recordNumber)
                .toList();
    }

    /** Registered through the aggregate, as a person registers one record. */
    private HealthRecord registered(int serial, Set<KeyPopulation> tags) {
        LocalDate birth = LocalDate.of(1950, 3, 7);
        String township = county.a().getCode();
        return registry.register(new HealthRecord(
                        RecordNumber.of(township + "001" + "%05d".formatted(serial)),
                        "测试" + serial,
                        Gender.MALE,
                        birth,
                        Fixtures.idNumber(township.substring(0, 6), birth, Gender.MALE, serial),
                        county.a().getId())
                .tagged(tags));
    }

    private void correctTags(String recordNumber, Set<KeyPopulation> tags) {
        records.correct(recordNumber, new RecordCorrection(null, null, null, null, null, null, tags, null));
    }

    @Test
    void an_imported_record_has_a_row_per_tag_and_an_untagged_one_none() {
        asUser.login(county.user("archivist-a"));
        String township = county.a().getCode();
        // serial 1 is born before 1960 (老年人;高血压), serial 30 after (no tags)
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 30);
        importer.importFile(
                export.write(dir, StandardCharsets.UTF_8),
                "export.csv",
                null,
                ImportMode.REJECT_FILE,
                Locale.SIMPLIFIED_CHINESE,
                ImportProgress.NONE);

        assertTagged(township + "00100001", KeyPopulation.ELDERLY, KeyPopulation.HYPERTENSION);
        assertTagged(township + "00100030");
        assertThat(listed(KeyPopulation.HYPERTENSION)).containsExactly(township + "00100001");
    }

    @Test
    void a_record_saved_through_the_aggregate_has_its_rows() {
        HealthRecord record = registered(1, Set.of(KeyPopulation.TYPE2_DIABETES, KeyPopulation.TUBERCULOSIS));

        assertTagged(record.getRecordNumber(), KeyPopulation.TYPE2_DIABETES, KeyPopulation.TUBERCULOSIS);
    }

    @Test
    void a_correction_replaces_the_rows_and_the_filter_follows() {
        HealthRecord record = registered(1, Set.of(KeyPopulation.ELDERLY, KeyPopulation.HYPERTENSION));
        asUser.login(county.user("archivist-a"));

        correctTags(record.getRecordNumber(), Set.of(KeyPopulation.ELDERLY, KeyPopulation.TUBERCULOSIS));

        assertTagged(record.getRecordNumber(), KeyPopulation.ELDERLY, KeyPopulation.TUBERCULOSIS);
        assertThat(listed(KeyPopulation.HYPERTENSION)).isEmpty();
        assertThat(listed(KeyPopulation.TUBERCULOSIS)).containsExactly(record.getRecordNumber());
    }

    @Test
    void a_correction_by_a_reader_who_cannot_see_the_restricted_tag_keeps_its_row() {
        HealthRecord record = registered(1, Set.of(KeyPopulation.SEVERE_MENTAL_DISORDER, KeyPopulation.ELDERLY));
        // an archivist of the county without the permission sees ELDERLY only and sends it back changed
        asUser.login(county.user("county-checker"));

        correctTags(record.getRecordNumber(), Set.of(KeyPopulation.HYPERTENSION));

        assertTagged(record.getRecordNumber(), KeyPopulation.SEVERE_MENTAL_DISORDER, KeyPopulation.HYPERTENSION);
    }

    @Test
    void a_merge_taking_the_tags_gives_the_survivor_the_duplicates_rows_and_leaves_the_duplicates() {
        HealthRecord survivor = registered(1, Set.of(KeyPopulation.ELDERLY));
        // serial 501 gives the same ID number: the same resident registered twice
        HealthRecord duplicate = registered(501, Set.of(KeyPopulation.HYPERTENSION, KeyPopulation.TYPE2_DIABETES));
        asUser.login(county.user("archivist-a"));

        merges.merge(survivor.getRecordNumber(), duplicate.getRecordNumber(), Set.of("keyPopulations"));

        assertTagged(survivor.getRecordNumber(), KeyPopulation.HYPERTENSION, KeyPopulation.TYPE2_DIABETES);
        assertTagged(duplicate.getRecordNumber(), KeyPopulation.HYPERTENSION, KeyPopulation.TYPE2_DIABETES);
    }

    @Test
    void records_received_in_a_bag_have_their_rows() {
        // numbered by township A, handed over to B: a bag keeps the numbers it brings
        String number = county.a().getCode() + "00100001";
        String untagged = county.a().getCode() + "00100002";
        transaction.executeWithoutResult(s -> received.receive(
                county.b().getId(),
                null,
                "另一县",
                List.of(
                        new ReceivedRecords.Record(
                                number,
                                "王秀英",
                                "女",
                                LocalDate.of(1950, 3, 1),
                                null,
                                null,
                                null,
                                "PREGNANT_POSTPARTUM,ELDERLY",
                                "ACTIVE",
                                null,
                                null),
                        new ReceivedRecords.Record(
                                untagged,
                                "李明",
                                "男",
                                LocalDate.of(1990, 3, 1),
                                null,
                                null,
                                null,
                                "",
                                "ACTIVE",
                                null,
                                null)),
                List.of(),
                "test"));

        assertTagged(number, KeyPopulation.ELDERLY, KeyPopulation.PREGNANT_POSTPARTUM);
        assertTagged(untagged);
    }
}
