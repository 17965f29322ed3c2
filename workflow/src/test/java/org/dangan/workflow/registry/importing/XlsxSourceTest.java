package org.dangan.workflow.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSourceTest {

    @TempDir
    Path dir;

    private Path workbook(int rows) throws IOException {
        Path file = dir.resolve("w.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("档案");
            CellStyle usDate = workbook.createCellStyle();
            usDate.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("档案" + r);
                row.createCell(2).setCellValue(LocalDate.of(1950, 3, 7));
                row.getCell(2).setCellStyle(usDate);
                row.createCell(3).setCellValue(12);
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void reads_rows_with_left_out_cells_empty_and_dates_in_any_format_as_iso() throws IOException {
        List<TabularSource.Row> rows = new ArrayList<>();
        try (XlsxSource source = new XlsxSource(workbook(2), 1L << 30)) {
            source.read(rows::add);
        }

        assertThat(rows).extracting(TabularSource.Row::line).containsExactly(1L, 2L);
        assertThat(rows.get(1).values()).containsExactly("档案1", "", "1950-03-07", "12");
    }

    @Test
    void refuses_a_workbook_whose_parts_unpack_past_the_limit() throws IOException {
        Path file = workbook(2_000);

        assertThatThrownBy(() -> {
                    try (XlsxSource source = new XlsxSource(file, 20_000)) {
                        source.read(row -> {});
                    }
                })
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.xlsx.bomb");
                    assertThat(e.args()).containsExactly("19 KB");
                });
    }

    @Test
    void refuses_a_file_that_is_no_workbook_as_an_invalid_xlsx() throws IOException {
        Path file = Files.writeString(dir.resolve("fake.xlsx"), "姓名,性别\n王秀英,女\n");

        assertThatThrownBy(() -> new XlsxSource(file, 1L << 30))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.key()).isEqualTo("import.xlsx.invalid"));
    }
}
