package org.dangan.workflow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one writer of every CSV a user downloads (the import template, the rejection report, the
 * screens' exports): UTF-8 with a BOM so Excel opens Chinese right, and every cell that a
 * spreadsheet would take for a formula ({@code = + - @}, a tab or a carriage return first, and
 * their full-width forms) written with a leading {@code '}, so a value typed into a county export
 * cannot run when an archivist opens the report. A records system writes every value as text, so
 * a negative number is prefixed too.
 */
public final class CsvExport {

    private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

    private CsvExport() {}

    public static byte[] of(List<String> headers, Iterable<? extends List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, headers, rows);
        return bytes.toByteArray();
    }

    public static void write(OutputStream out, List<String> headers, Iterable<? extends List<String>> rows) {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(neutralised(headers));
            for (List<String> row : rows) {
                printer.printRecord(neutralised(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell as a spreadsheet will show it, never run it. */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value == null ? "" : value;
        }
        return "'" + value;
    }

    private static List<String> neutralised(List<String> row) {
        List<String> cells = new ArrayList<>(row.size());
        row.forEach(v -> cells.add(neutralised(v)));
        return cells;
    }
}
