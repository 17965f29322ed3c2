package org.dangan.workflow.registry.importing;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams a CSV file; a row's line is where it starts, so a quoted line break does not shift the count. */
final class CsvSource implements TabularSource {

    private final long size;
    private final CountingStream counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesBefore;

    CsvSource(Path file, Charset charset) throws IOException {
        this.size = Files.size(file);
        this.counted = new CountingStream(Files.newInputStream(file));
        BufferedReader reader = new BufferedReader(new InputStreamReader(counted, charset), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        this.records = parser.iterator();
    }

    @Override
    public void read(RowConsumer rows) {
        for (Row row = next(); row != null; row = next()) {
            rows.accept(row);
        }
    }

    private Row next() {
        long start = linesBefore + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesBefore = parser.getCurrentLineNumber();
            List<String> values = new ArrayList<>(record.size());
            record.forEach(values::add);
            return new Row(start, values);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportFailedException(malformation(rootMessage(e)), start);
        }
    }

    /**
     * The parser says what is wrong in English; the user is told in their language, so its two
     * common complaints get keys of their own and anything else the line alone.
     */
    private static String malformation(String parserSays) {
        String said = parserSays == null ? "" : parserSays.toLowerCase(Locale.ROOT);
        if (said.contains("eof reached before encapsulated token finished")) {
            return "import.csv.unclosedQuote";
        }
        if (said.contains("between encapsulated token and delimiter")) {
            return "import.csv.strayQuote";
        }
        return "import.csv.malformed";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public long progress() {
        return counted.count;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
