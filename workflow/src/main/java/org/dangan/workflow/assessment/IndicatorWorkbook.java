package org.dangan.workflow.assessment;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.platform.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's table as a workbook in the shape a county reports upward: one sheet per level
 * (the institution itself, then each level below it), Chinese headers, rates as percentages and
 * the counts behind them, the day of the figures in the title row.
 */
@Service
public class IndicatorWorkbook {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final IndicatorSnapshots snapshots;
    private final MessageSource messages;
    private final AuditLog audit;

    IndicatorWorkbook(IndicatorSnapshots snapshots, MessageSource messages, AuditLog audit) {
        this.snapshots = snapshots;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook of the institution (in the reader's scope) and those below it. */
    @Transactional
    public void write(String institutionCode, OutputStream out) throws IOException {
        Institution top = snapshots.institution(institutionCode);
        List<IndicatorSnapshots.Row> rows = snapshots.subtree(top.getCode());
        audit.record(AuditAction.INDICATORS_EXPORTED, "INSTITUTION", top.getCode(), top.getId(), rows.size() + " rows");
        Map<String, List<IndicatorSnapshots.Row>> sheets = new LinkedHashMap<>();
        for (IndicatorSnapshots.Row row : rows) {
            sheets.computeIfAbsent(text("indicators.level." + level(row.type())), k -> new ArrayList<>())
                    .add(row);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            CellStyle count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            // a rate above 100 % does not fit its figures: marked as the dashboard marks it, in words
            CellStyle check = workbook.createCellStyle();
            check.setDataFormat(workbook.createDataFormat().getFormat("0.0%\"（" + text("Rating.CHECK") + "）\""));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            String title = rows.isEmpty() || rows.get(0).computedAt() == null
                    ? text("indicators.xlsx.titleNone", top.getName())
                    : text(
                            "indicators.xlsx.title",
                            top.getName(),
                            ChinaTime.minute(rows.get(0).computedAt()));
            for (Map.Entry<String, List<IndicatorSnapshots.Row>> sheetRows : sheets.entrySet()) {
                Sheet sheet = workbook.createSheet(sheetRows.getKey());
                sheet.createRow(0).createCell(0).setCellValue(title);
                Row header = sheet.createRow(1);
                List<String> headers = headers();
                for (int c = 0; c < headers.size(); c++) {
                    header.createCell(c).setCellValue(headers.get(c));
                    header.getCell(c).setCellStyle(bold);
                    sheet.setColumnWidth(c, 256 * (c == 1 ? 28 : 14));
                }
                int r = 2;
                for (IndicatorSnapshots.Row row : sheetRows.getValue()) {
                    Row line = sheet.createRow(r++);
                    int c = 0;
                    line.createCell(c++).setCellValue(row.code());
                    line.createCell(c++).setCellValue(row.name());
                    c = number(line, c, row.figures().get(IndicatorComputation.POPULATION), count);
                    c = number(line, c, row.figure(IndicatorComputation.RECORDS), count);
                    for (Indicator indicator : Indicator.values()) {
                        Double rate = row.rate(indicator);
                        if (rate != null) {
                            line.createCell(c).setCellValue(rate);
                            line.getCell(c).setCellStyle(rate > 1 ? check : percent);
                        }
                        c++;
                    }
                    c = number(line, c, row.figure(IndicatorComputation.REVIEW_BACKLOG), count);
                    c = number(line, c, row.figure(IndicatorComputation.OVERDUE_CHECKOUTS), count);
                    if (row.lastStocktake() != null) {
                        line.createCell(c).setCellValue(row.lastStocktake());
                        line.getCell(c).setCellStyle(date);
                    } else {
                        line.createCell(c).setCellValue(text("indicators.stocktake.never"));
                    }
                    c++;
                    number(line, c, row.figures().get(IndicatorComputation.STOCKTAKE_MISSING), count);
                }
                sheet.createFreezePane(2, 2);
            }
            if (sheets.isEmpty()) {
                workbook.createSheet(text("indicators.level.none"))
                        .createRow(0)
                        .createCell(0)
                        .setCellValue(title);
            }
            workbook.write(out);
        }
    }

    private List<String> headers() {
        List<String> headers = new ArrayList<>(List.of(
                text("indicators.column.code"),
                text("indicators.column.name"),
                text("indicators.column.population"),
                text("indicators.column.records")));
        for (Indicator indicator : Indicator.values()) {
            headers.add(text("Indicator." + indicator.name()));
        }
        headers.add(text("indicators.column.reviewBacklog"));
        headers.add(text("indicators.column.overdueCheckouts"));
        headers.add(text("indicators.column.lastStocktake"));
        headers.add(text("indicators.column.stocktakeMissing"));
        return headers;
    }

    /** The sheet a level goes on: township and community centres report together. */
    static String level(InstitutionType type) {
        return switch (type) {
            case PROVINCE -> "province";
            case CITY -> "city";
            case COUNTY_BUREAU -> "county";
            case TOWNSHIP_CENTRE, COMMUNITY_CENTRE -> "township";
            case VILLAGE_CLINIC -> "village";
        };
    }

    /** A count in its cell; a figure not there at all (no population entered) leaves the cell empty. */
    private static int number(Row line, int c, Figure figure, CellStyle style) {
        if (figure != null) {
            line.createCell(c).setCellValue(figure.numerator());
            line.getCell(c).setCellStyle(style);
        }
        return c + 1;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }
}
