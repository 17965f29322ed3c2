package org.dangan.workflow.registry.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an xlsx workbook. Dates typed as Excel dates come out as ISO dates. */
final class XlsxSource implements TabularSource {

    private final XSSFWorkbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
    private final long size;
    private long done;

    XlsxSource(Path file) throws IOException {
        try {
            this.workbook = new XSSFWorkbook(file.toFile());
        } catch (InvalidFormatException | IllegalArgumentException e) {
            throw new ImportFailedException("import.xlsx.unreadable", e.getMessage());
        }
        Sheet sheet = workbook.getSheetAt(0);
        this.size = Math.max(sheet.getLastRowNum() + 1L, 1L);
        this.rows = sheet.rowIterator();
    }

    @Override
    public Row next() {
        if (!rows.hasNext()) {
            return null;
        }
        org.apache.poi.ss.usermodel.Row row = rows.next();
        done = row.getRowNum() + 1L;
        List<String> values = new ArrayList<>();
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            values.add(text(row.getCell(c)));
        }
        return new Row(row.getRowNum() + 1L, values);
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    @Override
    public long progress() {
        return done;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
