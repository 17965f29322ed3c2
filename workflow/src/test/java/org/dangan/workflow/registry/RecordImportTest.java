package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.importing.ImportFailedException;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportProgress;
import org.dangan.workflow.registry.importing.ImportResult;
import org.dangan.workflow.registry.importing.ImportTemplate;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.registry.importing.Rejection;
import org.dangan.workflow.registry.internal.RecordRows;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.ExportFile;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.LockWaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@DanganTest
class RecordImportTest {

    @Autowired
    RecordImporter importer;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordRows recordRows;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    Fixtures.County county;
    String township;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        township = county.a().getCode();
        asUser.login(county.user("archivist-a"));
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private ImportResult run(Path file, String name, String encoding, ImportMode mode) {
        return importer.importFile(file, name, encoding, mode, Locale.SIMPLIFIED_CHINESE, ImportProgress.NONE);
    }

    private long recordsOf(String townshipCode) {
        return jdbc.queryForObject(
                "select count(*) from health_record where record_number like ?", Long.class, townshipCode + "%");
    }

    @Test
    void imports_a_utf8_file_with_chinese_headers() {
        ExportFile export = ExportFile.chinese();
        for (int i = 1; i <= 20; i++) {
            export.validRow(township, i);
        }
        ImportResult result =
                run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isEqualTo(20);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(recordsOf(township)).isEqualTo(20);
        assertThat(jdbc.queryForObject(
                        "select key_populations from health_record where record_number = ?",
                        String.class,
                        township + "00100001"))
                .isEqualTo("ELDERLY,HYPERTENSION");
    }

    @Test
    void detects_gbk_as_county_systems_export_it() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2);
        ImportResult result =
                run(export.write(dir, Charset.forName("GBK")), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.encoding()).isEqualTo("GBK");
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select name from health_record where record_number = ?", String.class, township + "00100001"))
                .isEqualTo("居民乙");
    }

    @Test
    void refuses_gbk_bytes_declared_as_utf8_and_names_the_byte() {
        Path file = ExportFile.chinese().validRow(township, 1).write(dir, Charset.forName("GBK"));
        assertThatThrownBy(() -> run(file, "export.csv", "UTF-8", ImportMode.REJECT_FILE))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.encoding.notutf8"));
        assertThat(recordsOf(township)).isZero();
    }

    /** Read as GBK, a UTF-8 file with one broken byte imported every name garbled and said nothing. */
    @Test
    void refuses_a_utf8_file_with_a_broken_byte_naming_byte_and_line_instead_of_reading_it_as_gbk() throws Exception {
        Path file =
                ExportFile.chinese().validRow(township, 1).validRow(township, 2).write(dir, StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file);
        int secondRow = 0;
        for (int i = 0, lines = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++lines == 2) {
                secondRow = i + 1;
                break;
            }
        }
        bytes[secondRow + 3] = (byte) 0xff; // a digit of the record number: ASCII on both sides
        Files.write(file, bytes);
        long brokenByte = secondRow + 4L; // counted from 1

        assertThatThrownBy(() -> run(file, "export.csv", null, ImportMode.REJECT_FILE))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.encoding.brokenUtf8");
                    assertThat(e.arguments()).containsExactly(brokenByte, 3L);
                });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void rejects_the_whole_file_on_one_bad_row_by_default_and_reports_line_and_column() {
        ExportFile export = ExportFile.chinese()
                .validRow(township, 1)
                .validRow(township, 2)
                .validRow(township, 3)
                .set("身份证号", "110105194912310021")
                .validRow(township, 4);
        ImportResult result =
                run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isZero();
        assertThat(result.written()).isFalse();
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.column()).isEqualTo("身份证号");
            assertThat(r.code()).isEqualTo("id.number.check");
            assertThat(r.value()).isEqualTo("1" + "*".repeat(17));
            assertThat(r.reason()).contains("校验码");
        });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void a_cell_of_any_length_comes_back_clipped_in_the_report() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).set("身份证号", "1".repeat(100_000));

        ImportResult result =
                run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.column()).isEqualTo("身份证号");
            assertThat(r.value()).isEqualTo("1" + "*".repeat(39) + "…");
        });
    }

    @Test
    void imports_the_valid_rows_when_asked_and_reports_the_rest() {
        ExportFile export = ExportFile.chinese()
                .validRow(township, 1)
                .validRow(township, 2)
                .set("性别", "未知")
                .validRow(township, 3)
                .set("出生日期", "1900-01-01")
                .validRow(township, 4)
                .set("健康档案编号", county.b().getCode() + "00100004");
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejectedRows()).isEqualTo(3);
        assertThat(result.rejected())
                .extracting(Rejection::line, Rejection::code)
                .containsExactly(
                        Tuple.tuple(3L, "import.gender.invalid"),
                        Tuple.tuple(4L, "import.birthdate.mismatch"),
                        Tuple.tuple(5L, "import.record.institution"));
        assertThat(recordsOf(township)).isEqualTo(1);
    }

    @Test
    void importing_the_same_file_twice_creates_no_duplicates() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2);
        Path file = export.write(dir, StandardCharsets.UTF_8);
        run(file, "export.csv", null, ImportMode.REJECT_FILE);
        ImportResult again = run(file, "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(again.accepted()).isZero();
        assertThat(again.rejected()).extracting(Rejection::code).containsOnly("import.duplicate.registry");
        assertThat(recordsOf(township)).isEqualTo(2);
    }

    @Test
    void a_record_number_twice_in_one_file_points_to_the_first_line() {
        ExportFile export =
                ExportFile.chinese().validRow(township, 1).validRow(township, 2).validRow(township, 1);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.code()).isEqualTo("import.duplicate.file");
            assertThat(r.reason()).contains("第2行");
        });
    }

    /** More rows than the importer writes in one batch (1,000), so checks must span batches. */
    private static final int PAST_A_BATCH = 2_500;

    private ExportFile validRows(int count) {
        ExportFile export = ExportFile.chinese();
        for (int serial = 1; serial <= count; serial++) {
            export.validRow(township, serial);
        }
        return export;
    }

    @Test
    void a_large_import_leaves_a_vacuumed_analysed_registry_for_postgresql() {
        boolean postgres = LockWaits.isPostgres(jdbc);
        String analysed = "select count(*) from pg_stat_user_tables where relname in ('health_record',"
                + " 'health_record_key_population') and last_analyze > ? and last_vacuum > ?";
        Timestamp before = postgres ? jdbc.queryForObject("select now()", Timestamp.class) : null;

        ImportResult result =
                run(validRows(10_000).write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isEqualTo(10_000);
        if (postgres) {
            // autovacuum would get there a minute or more later; the importer vacuums and analyses at once
            assertThat(jdbc.queryForObject(analysed, Integer.class, before, before))
                    .isEqualTo(2);
        }
    }

    @Test
    void a_record_number_repeated_batches_later_is_refused_naming_the_first_line_and_nothing_is_written() {
        ExportFile export = validRows(PAST_A_BATCH).validRow(township, 1);
        ImportResult result =
                run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(PAST_A_BATCH + 2L);
            assertThat(r.column()).isEqualTo("健康档案编号");
            assertThat(r.code()).isEqualTo("import.duplicate.file");
            assertThat(r.reason()).isEqualTo("与本文件第2行重复");
        });
        assertThat(result.written()).isFalse();
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void a_paper_file_number_repeated_batches_later_is_refused_naming_the_first_line() {
        ExportFile export = ExportFile.withHeader("健康档案编号", "姓名", "性别", "出生日期", "身份证号", "纸质档案编号");
        for (int serial = 1; serial <= PAST_A_BATCH + 1; serial++) {
            export.validRow(township, serial);
            List<String> row = new ArrayList<>(export.rows().get(serial - 1).subList(0, 5));
            row.add(township + "-F" + (serial > PAST_A_BATCH ? 3 : serial));
            export.rows().set(serial - 1, row);
        }
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(PAST_A_BATCH + 2L);
            assertThat(r.column()).isEqualTo("纸质档案编号");
            assertThat(r.code()).isEqualTo("import.duplicate.file");
            assertThat(r.reason()).isEqualTo("与本文件第4行重复");
        });
        assertThat(result.accepted()).isEqualTo(PAST_A_BATCH);
        assertThat(recordsOf(township)).isEqualTo(PAST_A_BATCH);
    }

    @Test
    void a_bad_last_row_leaves_nothing_of_the_batches_before_it() {
        ExportFile export = validRows(PAST_A_BATCH).set("身份证号", "110105194912310021");
        ImportResult result =
                run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.rejected())
                .extracting(Rejection::line, Rejection::column, Rejection::code)
                .containsExactly(Tuple.tuple(PAST_A_BATCH + 1L, "身份证号", "id.number.check"));
        assertThat(result.accepted()).isZero();
        assertThat(result.written()).isFalse();
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void counts_lines_as_an_editor_does_when_a_quoted_field_holds_a_line_break() {
        ExportFile export = ExportFile.chinese()
                .validRow(township, 1)
                .set("现住址", "第一行\n第二行")
                .validRow(township, 2)
                .set("性别", "X");
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected())
                .singleElement()
                .extracting(Rejection::line)
                .isEqualTo(4L);
    }

    @Test
    void a_row_with_the_wrong_number_of_columns_is_rejected_with_both_counts() {
        ExportFile export = ExportFile.chinese().validRow(township, 1);
        String csv = export.csv() + township + "00100002,张三\r\n";
        Path file = write(csv, StandardCharsets.UTF_8);
        ImportResult result = run(file, "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.code()).isEqualTo("import.row.columns");
            assertThat(r.reason()).contains("9").contains("2");
        });
    }

    @Test
    void an_unterminated_quote_fails_the_file_and_names_the_line_leaving_nothing_written() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2);
        String csv = export.csv() + township + "00100003,\"张三,男\r\n";
        Path file = write(csv, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(file, "export.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.csv.unclosedQuote");
                    // the parser's English words are not passed on to a zh-CN screen
                    assertThat(e.args()).containsExactly(4L);
                });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void an_import_that_meets_a_number_another_import_is_writing_is_refused_whole_in_the_users_words()
            throws Exception {
        Path file =
                ExportFile.chinese().validRow(township, 1).validRow(township, 2).write(dir, StandardCharsets.UTF_8);
        long institution = county.a().getId();
        // the other import has written line 2's number and not committed yet: the check sees nothing
        try (LockWaits.Uncommitted other = LockWaits.Uncommitted.write(
                transactions,
                () -> recordRows.insert(List.of(new RecordRows.Row(
                        township + "00100002",
                        "李四",
                        Gender.FEMALE,
                        LocalDate.of(1960, 1, 1),
                        null,
                        null,
                        null,
                        Set.of(KeyPopulation.ELDERLY),
                        RecordStatus.ACTIVE,
                        institution,
                        null,
                        null,
                        null))))) {
            Future<ImportResult> mine = other.meanwhile(() -> {
                asUser.login(county.user("archivist-a"));
                try {
                    return run(file, "export.csv", null, ImportMode.VALID_ROWS);
                } finally {
                    AsUser.logout();
                }
            });
            LockWaits.awaitASessionRunning(jdbc, "insert into health_record ", mine);
            other.commit();
            assertThatThrownBy(() -> mine.get(60, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(
                            ImportFailedException.class,
                            e -> assertThat(importer.message(e, Locale.SIMPLIFIED_CHINESE))
                                    .startsWith("另一项导入同时登记了本文件中的部分档案，本次导入未写入任何内容"));
        }
        // line 1 was not kept either: the file is written whole or not at all
        assertThat(recordsOf(township)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record_key_population where record_number like ?",
                        Long.class,
                        township + "%"))
                .isEqualTo(1);
    }

    @Test
    void the_rejections_come_in_the_files_line_order_whichever_check_found_them() {
        run(
                ExportFile.chinese().validRow(township, 1).write(dir, StandardCharsets.UTF_8),
                "first.csv",
                null,
                ImportMode.VALID_ROWS);
        Path second = ExportFile.chinese()
                .validRow(township, 1)
                .validRow(township, 2)
                .validRow(township, 2)
                .write(dir, StandardCharsets.UTF_8);

        // line 4 repeats line 3, found as it is read; line 2 is in the registry, found when the rows are written
        ImportResult result = run(second, "second.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.rejected())
                .extracting(Rejection::line, Rejection::code)
                .containsExactly(
                        Tuple.tuple(2L, "import.duplicate.registry"), Tuple.tuple(4L, "import.duplicate.file"));
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void a_quote_closed_in_the_middle_of_a_field_names_its_line_in_the_users_words() {
        ExportFile export = ExportFile.chinese().validRow(township, 1);
        String csv = export.csv() + township + "00100003,\"张三\"x,男\r\n";
        Path file = write(csv, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(file, "export.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.csv.strayQuote");
                    assertThat(e.args()).containsExactly(3L);
                    assertThat(importer.message(e, Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("CSV格式错误：第3行附近，引号（\"）闭合后没有紧跟逗号或换行");
                });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void an_empty_file_and_a_header_only_file_fail_clearly() {
        assertThatThrownBy(() -> run(write("", StandardCharsets.UTF_8), "e.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.file.empty"));
        Path headerOnly = write(ExportFile.chinese().csv(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(headerOnly, "e.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.file.norows"));
    }

    @Test
    void a_missing_required_column_is_named_in_both_languages() {
        Path file = write("健康档案编号,姓名,性别,出生日期\r\n1,2,3,4\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(file, "e.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.header.missing");
                    assertThat(e.args()[0].toString()).isEqualTo("身份证号/idNumber");
                });
    }

    @Test
    void finds_english_headers_too() {
        ExportFile export = ExportFile.withHeader("recordNumber", "name", "gender", "birthDate", "idNumber")
                .row(
                        township + "00100001",
                        "Li Lei",
                        "M",
                        "1950-03-07",
                        Fixtures.idNumber(township.substring(0, 6), LocalDate.of(1950, 3, 7), Gender.MALE, 1));
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "e.csv", null, ImportMode.REJECT_FILE);
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void a_record_number_of_another_township_is_refused_for_a_township_user() {
        ExportFile export = ExportFile.chinese().validRow(county.b().getCode(), 1);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "e.csv", null, ImportMode.VALID_ROWS);
        assertThat(result.rejected()).extracting(Rejection::code).containsExactly("import.record.institution");
        assertThat(recordsOf(county.b().getCode())).isZero();
    }

    @Test
    void imports_paper_files_with_their_contents() {
        ExportFile export = ExportFile.withHeader("健康档案编号", "姓名", "性别", "出生日期", "身份证号", "纸质档案编号", "页数", "档案内容");
        export.validRow(township, 1);
        List<String> first = new ArrayList<>(export.rows().get(0).subList(0, 5));
        first.addAll(List.of(township + "00100001-01", "8", "BASIC_INFO:2;健康体检表:6"));
        export.rows().set(0, first);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "e.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select c.document_type from paper_file f join paper_file_content c on c.paper_file_id = f.id
                where f.file_number = ? order by c.document_type""", String.class, township + "00100001-01"))
                .containsExactly("BASIC_INFO", "HEALTH_EXAM");
    }

    @Test
    void imports_xlsx_with_real_date_cells() throws IOException {
        Path file = dir.resolve("export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportFile.CHINESE_HEADER.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            List<String> values =
                    ExportFile.chinese().validRow(township, 1).rows().get(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < values.size(); i++) {
                if (i == 3) {
                    row.createCell(i).setCellValue(LocalDate.parse(values.get(i)));
                    row.getCell(i).setCellStyle(dateStyle);
                } else {
                    row.createCell(i).setCellValue(values.get(i));
                }
            }
            workbook.write(out);
        }
        ImportResult result = run(file, "export.xlsx", null, ImportMode.REJECT_FILE);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void refuses_old_xls_and_other_types_by_name() {
        Path file = write("x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(file, "export.xls", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.xls.unsupported"));
        assertThatThrownBy(() -> run(file, "export.pdf", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.type.unsupported"));
    }

    @Test
    void reports_progress_up_to_the_whole_file() {
        ExportFile export = ExportFile.chinese();
        for (int i = 1; i <= 2500; i++) {
            export.validRow(township, i);
        }
        Path file = export.write(dir, StandardCharsets.UTF_8);
        List<long[]> seen = new ArrayList<>();
        importer.importFile(
                file,
                "e.csv",
                null,
                ImportMode.REJECT_FILE,
                Locale.CHINA,
                (done, total, rows) -> seen.add(new long[] {done, total, rows}));
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        long[] last = seen.get(seen.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]);
        assertThat(last[2]).isEqualTo(2500);
        assertThat(recordsOf(township)).isEqualTo(2500);
    }

    @Test
    void a_file_of_broken_rows_is_refused_whole_with_a_bounded_report() throws IOException {
        Path file = dir.resolve("broken.csv");
        String broken = township + "00100001,张三,男,1950-03-07\r\n";
        long lines = 15_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ExportFile.CHINESE_HEADER) + "\r\n");
            for (long i = 0; i < lines; i++) {
                out.write(broken);
            }
            out.write(ExportFile.chinese().validRow(township, 2).csv().split("\r\n")[1] + "\r\n");
        }
        ImportResult result = run(file, "broken.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.rows()).isEqualTo(lines + 1);
        assertThat(result.rejectedRows()).isEqualTo(lines);
        assertThat(result.rejected()).hasSize(RecordImporter.MAX_REPORTED);
        assertThat(result.rejected().get(0).code()).isEqualTo("import.row.columns");
        assertThat(result.accepted()).isZero();
        assertThat(recordsOf(township)).isZero();
    }

    @Tag("slow") // writes and reads a 200 MB file
    @Test
    void a_200_mb_csv_is_refused_at_the_row_cap_naming_it_and_nothing_is_written() throws IOException {
        Path file = dir.resolve("big.csv");
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ExportFile.CHINESE_HEADER) + "\r\n");
            ExportFile valid = ExportFile.chinese();
            for (int i = 1; i <= 1_000; i++) {
                valid.validRow(township, i);
            }
            String block = valid.csv().substring(valid.csv().indexOf("\r\n") + 2);
            long blockBytes = block.getBytes(StandardCharsets.UTF_8).length;
            while (lines * blockBytes <= 200L * 1024 * 1024) {
                out.write(block);
                lines++;
            }
        }
        assertThat(Files.size(file)).isGreaterThan(200L * 1024 * 1024);

        assertThatThrownBy(() -> run(file, "big.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.rows.tooMany");
                    assertThat(e.args()).containsExactly(20_000L);
                });
        assertThat(recordsOf(township)).isZero();
    }

    @Tag("slow") // writes and reads a 450,000-row workbook
    @Test
    void an_xlsx_of_450000_rows_is_read_as_a_stream_and_refused_at_the_row_cap() throws IOException {
        Path file = dir.resolve("huge.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportFile.CHINESE_HEADER.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
            }
            for (int r = 1; r <= 450_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(township + "001" + "%05d".formatted(r % 99_999 + 1));
                row.createCell(1).setCellValue("居民" + r);
                row.createCell(2).setCellValue(r % 2 == 0 ? "女" : "男");
                row.createCell(3).setCellValue("1950-03-07");
            }
            workbook.write(out);
            workbook.dispose();
        }
        assertThat(Files.size(file)).isGreaterThan(5L * 1024 * 1024);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> run(file, "huge.xlsx", null, ImportMode.REJECT_FILE))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.rows.tooMany"));

        // a workbook model of the whole sheet allocates gigabytes; reading up to the cap, a fraction of one
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).isLessThan(1024L * 1024 * 1024);
        assertThat(recordsOf(township)).isZero();
    }

    private Path write(String content, Charset charset) {
        try {
            Path file = Files.createTempFile(dir, "raw-", ".csv");
            Files.writeString(file, content, charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // issue 16 item 11: what Excel does to 17- and 18-digit numbers, and the report to fix a file from

    private ImportResult run(Path file, String name, Locale locale) {
        return importer.importFile(file, name, null, ImportMode.REJECT_FILE, locale, ImportProgress.NONE);
    }

    private static List<CSVRecord> csv(byte[] report) throws IOException {
        return CSVFormat.DEFAULT
                .parse(new StringReader(new String(report, StandardCharsets.UTF_8).replace("\uFEFF", "")))
                .getRecords();
    }

    @Test
    void numbers_in_scientific_notation_are_named_as_excel_rounded_them_not_as_a_wrong_length() throws IOException {
        Path file = ExportFile.chinese()
                .validRow(township, 1)
                .set("健康档案编号", "1.30102E+16")
                .validRow(township, 2)
                .set("身份证号", "1.30102E+17")
                .validRow(township, 3)
                .set("联系电话", "1.3912E+10")
                .write(dir, StandardCharsets.UTF_8);

        ImportResult zh = run(file, "export.csv", Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.rejected())
                .extracting(Rejection::line, Rejection::column, Rejection::value, Rejection::code)
                .containsExactly(
                        Tuple.tuple(2L, "健康档案编号", "1.30102E+16", "import.excel.rounded"),
                        Tuple.tuple(3L, "身份证号", "1.30102E+17", "import.excel.rounded"),
                        Tuple.tuple(4L, "联系电话", "1.3912E+10", "import.excel.rounded"));
        assertThat(zh.rejected().get(0).reason()).startsWith("看起来是被 Excel 改成科学计数法的数字");
        assertThat(run(file, "export.csv", Locale.ENGLISH).rejected().get(0).reason())
                .startsWith("This looks like a number Excel rounded");
    }

    @Test
    void an_id_number_saved_by_excel_with_its_last_three_digits_zeroed_is_named_so() throws IOException {
        // one zeroed ID in eleven still passes its check digit, and then reads as a real one (a woman
        // born that day): the test takes a generated row whose zeroed ID does not
        ExportFile export = null;
        String zeroed = null;
        for (int n = 1; zeroed == null; n++) {
            export = ExportFile.chinese().validRow(township, n);
            String candidate =
                    export.rows().get(export.rows().size() - 1).get(4).substring(0, 15) + "000";
            try {
                ResidentId.of(candidate);
            } catch (Refused e) {
                zeroed = candidate;
            }
        }
        Path file = export.set("身份证号", zeroed).write(dir, StandardCharsets.UTF_8);

        assertThat(run(file, "export.csv", Locale.SIMPLIFIED_CHINESE).rejected())
                .extracting(Rejection::code)
                .containsExactly("import.excel.rounded");
    }

    @Test
    void an_xlsx_keeping_a_long_number_as_a_number_cell_is_named_as_excel_rounded() throws IOException {
        List<String> values = ExportFile.chinese().validRow(township, 1).rows().get(0);
        Path file = dir.resolve("export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < values.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
                if (i == 4) {
                    // what Excel keeps when the ID number is typed into a General column: 15 digits.
                    // An ID ending in X stays text in Excel, so the generated check digit is replaced.
                    String digits = values.get(i).substring(0, 17) + "1";
                    row.createCell(i).setCellValue(Double.parseDouble(digits));
                } else {
                    row.createCell(i).setCellValue(values.get(i));
                }
            }
            workbook.write(out);
        }

        assertThat(run(file, "export.xlsx", Locale.SIMPLIFIED_CHINESE).rejected())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo("import.excel.rounded");
                    assertThat(r.column()).isEqualTo("身份证号");
                });
    }

    @Test
    void the_rejection_report_names_line_field_value_as_typed_and_reason_in_the_readers_language() throws IOException {
        Path file = ExportFile.chinese().validRow(township, 1).set("性别", "未知").write(dir, StandardCharsets.UTF_8);
        List<Rejection> zh = run(file, "export.csv", Locale.SIMPLIFIED_CHINESE).rejected();
        List<Rejection> en = run(file, "export.csv", Locale.ENGLISH).rejected();

        List<CSVRecord> chinese = csv(importer.report(zh, Locale.SIMPLIFIED_CHINESE));
        assertThat(chinese.get(0).toList()).containsExactly("行号", "字段", "填写的值", "原因");
        assertThat(chinese.get(1).toList())
                .containsExactly("2", "性别", "未知", zh.get(0).reason());
        assertThat(zh.get(0).reason()).contains("性别");
        List<CSVRecord> english = csv(importer.report(en, Locale.ENGLISH));
        assertThat(english.get(0).toList()).containsExactly("Line", "Field", "Value as typed", "Reason");
        assertThat(english.get(1).toList())
                .containsExactly("2", "性别", "未知", en.get(0).reason());
    }

    @Test
    void the_template_names_kinds_of_paper_and_key_populations_as_the_user_reads_them() {
        String csv = new String(ImportTemplate.csv(), StandardCharsets.UTF_8);

        assertThat(csv).contains("个人基本信息表:2;健康体检表:6;随访服务记录表:4").doesNotContainPattern("[A-Z_]{3,}");
    }

    @Test
    void the_xlsx_template_keeps_its_number_columns_as_text_and_a_filled_copy_imports() throws IOException {
        Path file = dir.resolve("filled.xlsx");
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(ImportTemplate.xlsx()))) {
            Sheet sheet = template.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("健康档案编号");
            for (String column : List.of("健康档案编号", "身份证号", "联系电话")) {
                int c = ExportFile.CHINESE_HEADER.indexOf(column);
                assertThat(sheet.getColumnStyle(c).getDataFormatString())
                        .as(column)
                        .isEqualTo("@");
                assertThat(sheet.getRow(1).getCell(c).getCellStyle().getDataFormatString())
                        .as(column)
                        .isEqualTo("@");
                assertThat(sheet.getRow(500).getCell(c).getCellStyle().getDataFormatString())
                        .as(column)
                        .isEqualTo("@");
            }
            // an archivist types one record over the example, leaving the paper-file columns empty
            List<String> values =
                    ExportFile.chinese().validRow(township, 7).rows().get(0);
            Row example = sheet.getRow(1);
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (c < values.size()) {
                    example.getCell(c).setCellValue(values.get(c));
                } else {
                    example.removeCell(example.getCell(c));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                template.write(out);
            }
        }

        ImportResult result = run(file, "filled.xlsx", Locale.SIMPLIFIED_CHINESE);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).isEqualTo(1);
    }
}
