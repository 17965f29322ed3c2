package org.dangan.workflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dangan.workflow.registry.Gender;

/** A county system export as tests need it: valid rows by default, any cell replaceable. */
public final class ExportFile {

    public static final List<String> CHINESE_HEADER =
            List.of("健康档案编号", "姓名", "性别", "出生日期", "身份证号", "联系电话", "现住址", "重点人群", "最近服务日期");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private ExportFile(List<String> header) {
        this.header = header;
    }

    public static ExportFile chinese() {
        return new ExportFile(CHINESE_HEADER);
    }

    public static ExportFile withHeader(String... header) {
        return new ExportFile(List.of(header));
    }

    /** A valid row for a record of {@code townshipCode}, village 001. */
    public ExportFile validRow(String townshipCode, int serial) {
        LocalDate birth = LocalDate.of(1940 + serial % 60, 1 + serial % 12, 1 + serial % 28);
        Gender gender = serial % 2 == 0 ? Gender.FEMALE : Gender.MALE;
        return row(
                townshipCode + "001" + "%05d".formatted(serial),
                "居民" + "甲乙丙丁戊己庚辛壬癸".charAt(serial % 10),
                gender == Gender.MALE ? "男" : "女",
                birth.toString(),
                Fixtures.idNumber(townshipCode.substring(0, 6), birth, gender, serial),
                "13912345678",
                "某村" + serial + "号",
                birth.getYear() < 1960 ? "老年人;高血压" : "",
                "2025-05-01");
    }

    public ExportFile row(String... values) {
        rows.add(new ArrayList<>(List.of(values)));
        return this;
    }

    /** Replaces one cell of the last row. */
    public ExportFile set(String column, String value) {
        rows.get(rows.size() - 1).set(header.indexOf(column), value);
        return this;
    }

    public String csv() {
        StringBuilder s = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<String> row : rows) {
            s.append(String.join(",", row.stream().map(ExportFile::quote).toList()))
                    .append("\r\n");
        }
        return s.toString();
    }

    public Path write(Path dir, Charset charset) {
        try {
            Path file = Files.createTempFile(dir, "export-", ".csv");
            Files.writeString(file, csv(), charset);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
