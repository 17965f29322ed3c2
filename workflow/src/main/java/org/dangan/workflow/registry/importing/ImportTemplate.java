package org.dangan.workflow.registry.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.workflow.platform.CsvExport;

/**
 * The import template: Chinese headers and one example row, as CSV (UTF-8 with a BOM so Excel
 * opens it right) or as xlsx, whose number columns are text: Excel keeps a 17- or 18-digit number
 * typed there as it is, where the CSV's become 1.30102E+16.
 */
public final class ImportTemplate {

    /** The columns of long numbers, which Excel would round as numbers (and the file number, which it would mangle). */
    static final Set<ImportColumn> TEXT_COLUMNS = EnumSet.of(
            ImportColumn.RECORD_NUMBER, ImportColumn.ID_NUMBER, ImportColumn.PHONE, ImportColumn.FILE_NUMBER);

    private static final int TEMPLATE_ROWS = 1000;

    private ImportTemplate() {}

    public static byte[] csv() {
        return CsvExport.of(headers(), List.of(example()));
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Sheet sheet = workbook.createSheet("健康档案");
            Row header = sheet.createRow(0);
            List<String> headers = headers();
            List<String> example = example();
            ImportColumn[] columns = ImportColumn.values();
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(headers.get(c));
                sheet.setColumnWidth(c, 256 * Math.max(12, example.get(c).length() + 4));
                if (TEXT_COLUMNS.contains(columns[c])) {
                    sheet.setDefaultColumnStyle(c, text);
                }
            }
            // a column's default style is not always applied to a cell typed into it: the first rows carry it too
            for (int r = 1; r <= TEMPLATE_ROWS; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns.length; c++) {
                    if (TEXT_COLUMNS.contains(columns[c])) {
                        row.createCell(c).setCellStyle(text);
                    }
                }
            }
            Row first = sheet.getRow(1);
            for (int c = 0; c < columns.length; c++) {
                (first.getCell(c) == null ? first.createCell(c) : first.getCell(c)).setCellValue(example.get(c));
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the xlsx template", e);
        }
    }

    private static List<String> headers() {
        return Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList();
    }

    private static List<String> example() {
        return List.of(
                "13010200100100001",
                "张三",
                "男",
                "1950-03-07",
                "130102195003070013",
                "13800000000",
                "河北省石家庄市长安区建设北大街1号",
                "老年人;高血压",
                "2025-06-01",
                "13010200100100001-01",
                "12",
                // the kinds by the names on the paper, as the key populations above: no codes on a Chinese sheet
                "个人基本信息表:2;健康体检表:6;随访服务记录表:4");
    }

    /**
     * The rejection report as CSV: {@code headers} name line, field, value as typed and reason in
     * the reader's language ({@link RecordImporter#report} gives them).
     */
    public static byte[] report(List<String> headers, List<Rejection> rejections) {
        return CsvExport.of(
                headers,
                rejections.stream()
                        .map(r -> List.of(
                                Long.toString(r.line()), r.column(), r.value() == null ? "" : r.value(), r.reason()))
                        .toList());
    }
}
