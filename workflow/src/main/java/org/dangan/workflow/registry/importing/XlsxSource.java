package org.dangan.workflow.registry.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.springframework.util.unit.DataSize;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an xlsx workbook, read as a stream of XML events: only the row being read and
 * the shared strings are held, never the workbook, so a sheet of half a million rows costs what its
 * strings cost. Dates typed as Excel dates come out as ISO dates. Refuses, as the import's own
 * refusal and not as an error, a package that is not an xlsx, XML that declares entities (POI's
 * parser forbids a DOCTYPE), and a zip bomb: an entry that inflates more than POI's ratio allows,
 * or parts that unpack to more than {@code maxUnpacked} bytes in all.
 */
final class XlsxSource implements TabularSource {

    private final OPCPackage pack;
    private final long maxUnpacked;
    private long unpacked;
    private long sheetRead;
    private long sheetSize = 1;

    XlsxSource(Path file, long maxUnpacked) {
        this.maxUnpacked = maxUnpacked;
        try {
            this.pack = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    @Override
    public void read(RowConsumer rows) throws IOException {
        try {
            XSSFReader reader = new XSSFReader(pack);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = sharedStrings();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportFailedException("import.file.empty");
            }
            try (InputStream sheet = sheets.next()) {
                PackagePart part = sheets.getSheetPart();
                sheetSize = Math.max(part.getSize(), 1);
                XMLReader parser = XMLHelper.newXMLReader();
                // POI's handler logs a user's broken file at ERROR; it is a refusal, answered to the user
                parser.setErrorHandler(new Refusing());
                Cells cells = new Cells(rows);
                parser.setContentHandler(new TypedCells(styles, strings, cells));
                parser.parse(new InputSource(new Bounded(sheet, true)));
            }
        } catch (ImportFailedException e) {
            throw e;
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    private ReadOnlySharedStringsTable sharedStrings() throws IOException, SAXException {
        List<PackagePart> parts = pack.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pack, false);
        }
        try (InputStream in = new Bounded(parts.get(0).getInputStream(), false)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** The import's refusal for what went wrong reading the package, named without Java's words. */
    private ImportFailedException refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportFailedException refused) {
                return refused;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("DOCTYPE") || message.contains("ENTITY")) {
                return new ImportFailedException("import.xlsx.entities");
            }
            if (message.contains("Zip bomb")) {
                return new ImportFailedException("import.xlsx.ratio");
            }
        }
        return new ImportFailedException("import.xlsx.invalid");
    }

    @Override
    public long progress() {
        return sheetRead;
    }

    @Override
    public long size() {
        return Math.max(sheetSize, sheetRead);
    }

    @Override
    public void close() {
        pack.revert();
    }

    private static final class Refusing implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {
            // a warning does not stop the reading
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /**
     * POI's sheet handler, told before each cell whether the sheet stores it as a number (no type,
     * or type n): the formatted text alone cannot say whether Excel rounded a long number.
     */
    private static final class TypedCells extends XSSFSheetXMLHandler {

        private final Cells cells;

        TypedCells(StylesTable styles, ReadOnlySharedStringsTable strings, Cells cells) {
            super(styles, strings, cells, new IsoDates(), false);
            this.cells = cells;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName) || "c".equals(qName)) {
                String type = attributes.getValue("t");
                cells.number = type == null || "n".equals(type);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Rows as the event handler sees them; a cell left out of the XML is an empty value. */
    private static final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowConsumer rows;
        private List<String> values = new ArrayList<>();
        private Set<Integer> numbers = new HashSet<>();
        private boolean number;
        /** The header's width: the first row with a value. */
        private int width = -1;

        Cells(RowConsumer rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            values = new ArrayList<>();
            numbers = new HashSet<>();
        }

        @Override
        public void endRow(int rowNum) {
            // a sheet leaves out the empty cells at the end of a row, which a CSV would write as ,,
            Row row = new Row(rowNum + 1L, values, numbers);
            if (width < 0 && !row.blank()) {
                width = values.size();
            }
            while (values.size() < width) {
                values.add("");
            }
            rows.accept(row);
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            int column = reference == null ? values.size() : new CellReference(reference).getCol();
            while (values.size() < column) {
                values.add("");
            }
            if (number) {
                numbers.add(values.size());
            }
            values.add(formatted == null ? "" : formatted);
        }
    }

    /** Numbers as the sheet formats them, except dates, which come out as yyyy-MM-dd whatever their format. */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    /** Counts what the parts unpack to, refusing the file past the limit. */
    private final class Bounded extends FilterInputStream {

        private final boolean sheet;

        Bounded(InputStream in, boolean sheet) {
            super(in);
            this.sheet = sheet;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            unpacked += n;
            if (sheet) {
                sheetRead += n;
            }
            if (unpacked > maxUnpacked) {
                throw new ImportFailedException(
                        "import.xlsx.bomb",
                        maxUnpacked >= 1 << 20
                                ? DataSize.ofBytes(maxUnpacked).toMegabytes() + " MB"
                                : DataSize.ofBytes(maxUnpacked).toKilobytes() + " KB");
            }
        }
    }
}
