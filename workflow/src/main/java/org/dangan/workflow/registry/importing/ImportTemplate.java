package org.dangan.workflow.registry.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The import template: Chinese headers, one example row, UTF-8 with a BOM so Excel opens it right. */
public final class ImportTemplate {

    private ImportTemplate() {
    }

    public static byte[] csv() {
        List<String> headers = Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList();
        List<String> example = List.of("13010200100100001", "张三", "男", "1950-03-07", "130102195003070013",
                "13800000000", "河北省石家庄市长安区建设北大街1号", "老年人;高血压", "2025-06-01",
                "13010200100100001-01", "12", "BASIC_INFO:2;HEALTH_EXAM:6;FOLLOW_UP:4");
        return toCsv(headers, List.of(example));
    }

    /** Writes rows as UTF-8 CSV with a BOM; also used for the rejection report. */
    public static byte[] toCsv(List<String> headers, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(headers);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] report(List<Rejection> rejections) {
        return toCsv(List.of("line", "column", "value", "reason"), rejections.stream()
                .map(r -> List.of(Long.toString(r.line()), r.column(), r.value() == null ? "" : r.value(), r.reason()))
                .toList());
    }
}
