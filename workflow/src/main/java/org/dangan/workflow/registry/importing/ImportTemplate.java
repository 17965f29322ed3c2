package org.dangan.workflow.registry.importing;

import java.util.Arrays;
import java.util.List;
import org.dangan.workflow.platform.CsvExport;

/** The import template: Chinese headers, one example row, UTF-8 with a BOM so Excel opens it right. */
public final class ImportTemplate {

    private ImportTemplate() {
    }

    public static byte[] csv() {
        List<String> headers = Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList();
        List<String> example = List.of("13010200100100001", "张三", "男", "1950-03-07", "130102195003070013",
                "13800000000", "河北省石家庄市长安区建设北大街1号", "老年人;高血压", "2025-06-01",
                "13010200100100001-01", "12", "BASIC_INFO:2;HEALTH_EXAM:6;FOLLOW_UP:4");
        return CsvExport.of(headers, List.of(example));
    }

    public static byte[] report(List<Rejection> rejections) {
        return CsvExport.of(List.of("line", "column", "value", "reason"), rejections.stream()
                .map(r -> List.of(Long.toString(r.line()), r.column(), r.value() == null ? "" : r.value(), r.reason()))
                .toList());
    }
}
