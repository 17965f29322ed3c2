package org.dangan.workflow.registry.importing;

import java.io.IOException;
import java.util.List;

/** Rows of a CSV or xlsx file, the first being the header. */
interface TabularSource extends AutoCloseable {

    /** Null at the end of the file. */
    Row next() throws IOException;

    long progress();

    long size();

    @Override
    void close() throws IOException;

    record Row(long line, List<String> values) {
        boolean blank() {
            return values.stream().allMatch(v -> v == null || v.isBlank());
        }
    }
}
