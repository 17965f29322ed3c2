package org.dangan.workflow.registry.importing;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Rows of a CSV or xlsx file, the first being the header, handed over one at a time as they are read. */
interface TabularSource extends AutoCloseable {

    /** Hands every row to {@code rows} in file order; a refusal thrown by {@code rows} ends the reading. */
    void read(RowConsumer rows) throws IOException;

    long progress();

    long size();

    @Override
    void close() throws IOException;

    @FunctionalInterface
    interface RowConsumer {
        void accept(Row row);
    }

    /**
     * One row; {@code numbers} are the indexes of the cells an xlsx stores as numbers (a CSV has
     * none), which for a 17- or 18-digit number means Excel has already cut it to 15 digits.
     */
    record Row(long line, List<String> values, Set<Integer> numbers) {

        Row(long line, List<String> values) {
            this(line, values, Set.of());
        }

        boolean blank() {
            return values.stream().allMatch(v -> v == null || v.isBlank());
        }
    }
}
