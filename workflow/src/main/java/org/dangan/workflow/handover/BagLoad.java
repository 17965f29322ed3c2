package org.dangan.workflow.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.document.ReceivedDocuments;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.ReceivedRecords;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Loads a verified bag into the archivist's institution, in one transaction: its records (keeping
 * their numbers), their paper files (RECEIVED, to be boxed), and its archived documents with the
 * text of their searchable PDFs. The bag's JSON is the one {@link ArchiveBag} writes; it is read
 * element by element, and nothing in it is trusted beyond what it describes: every path stays
 * inside the bag, paper files belong to the bag's own records, a document's record is one the bag
 * brings or one of the archivist's institutions, and whether a document is restricted follows
 * from its type here, whatever the bag says.
 */
@Component
class BagLoad {

    private static final Pattern CODE = Pattern.compile("\\((\\d{6,12})\\)");

    record Loaded(int records, int paperFiles, int documents) {}

    private record Document(String id, String recordNumber, DocumentType type, String originalName, boolean archived) {}

    private final ReceivedRecords receivedRecords;
    private final ReceivedDocuments receivedDocuments;
    private final FileStore files;
    private final Institutions institutions;
    private final long maxMetadataSize;
    private final ObjectReader rows = new ObjectMapper().readerFor(Map.class);

    BagLoad(
            ReceivedRecords receivedRecords,
            ReceivedDocuments receivedDocuments,
            FileStore files,
            Institutions institutions,
            @Value("${dangan.bags.max-metadata-size}") DataSize maxMetadataSize) {
        this.receivedRecords = receivedRecords;
        this.receivedDocuments = receivedDocuments;
        this.files = files;
        this.institutions = institutions;
        this.maxMetadataSize = maxMetadataSize.toBytes();
    }

    /** The caller has made sure the user is an archivist. */
    @Transactional
    Loaded load(Path root, Map<String, String> info) {
        DanganUser user = CurrentUser.require();
        List<ReceivedRecords.Record> records = read(
                root,
                "data/metadata/records.json",
                r -> new ReceivedRecords.Record(
                        text(r, "record_number"),
                        text(r, "name"),
                        text(r, "gender"),
                        day(r, "birth_date"),
                        text(r, "id_number"),
                        text(r, "phone"),
                        text(r, "address"),
                        text(r, "key_populations"),
                        text(r, "status"),
                        day(r, "last_service_date"),
                        day(r, "deceased_on")));
        Set<String> brought = new HashSet<>();
        records.forEach(r -> brought.add(r.recordNumber()));
        List<ReceivedRecords.File> paperFiles = read(
                root,
                "data/metadata/paper-files.json",
                f -> "DISPOSED".equals(f.get("state"))
                        ? null
                        : new ReceivedRecords.File(text(f, "file_number"), text(f, "record_number"), pages(f)));
        for (ReceivedRecords.File f : paperFiles) {
            if (!brought.contains(f.recordNumber())) {
                throw Refused.invalid("bag.paperFile.foreignRecord", f.fileNumber());
            }
        }
        List<Document> documents = read(
                root,
                "data/metadata/documents.json",
                d -> new Document(
                        text(d, "id"),
                        text(d, "record_number"),
                        type(d),
                        text(d, "original_name"),
                        "ARCHIVED".equals(d.get("state")) && d.get("pdf_sha256") != null));
        String source = info.getOrDefault("Source-Organization", "");
        Matcher code = CODE.matcher(source);
        Long numberedBy = code.find()
                ? institutions.byCode(code.group(1)).map(Institution::getId).orElse(null)
                : null;
        String from = code.reset().find() ? code.group(1) : info.getOrDefault("External-Identifier", "bag");
        String bag = info.getOrDefault("External-Identifier", root.getFileName().toString());
        receivedRecords.receive(user.institutionId(), numberedBy, from, records, paperFiles, "received in bag " + bag);
        Path folders = root.resolve("data/documents");
        int loaded = 0;
        for (Document d : documents) {
            if (!d.archived()) {
                continue;
            }
            Path folder = BagZip.inside(folders, d.id() == null ? "" : d.id());
            Path pdf = folder.resolve("searchable.pdf");
            Path original = original(folder, d.id());
            if (!Files.isRegularFile(pdf)) {
                throw Refused.invalid("bag.document.missing", d.id());
            }
            receivedDocuments.archive(
                    d.recordNumber(),
                    d.type(),
                    d.originalName() == null ? "original" : d.originalName(),
                    put(original),
                    size(original),
                    put(pdf),
                    pageTexts(pdf, d.id()),
                    user.getUsername(),
                    bag);
            loaded++;
        }
        return new Loaded(records.size(), paperFiles.size(), loaded);
    }

    /**
     * The elements of a JSON array file of the bag, each turned into {@code T} as it is read (a
     * null is left out), refused past {@code dangan.bags.max-metadata-size}.
     */
    private <T> List<T> read(Path root, String path, Function<Map<String, Object>, T> each) {
        Path file = BagZip.inside(root, path);
        try {
            if (!Files.isRegularFile(file)) {
                throw Refused.invalid("bag.metadata.unreadable", path);
            }
            if (Files.size(file) > maxMetadataSize) {
                throw Refused.tooLarge("bag.metadata.tooLarge", path, maxMetadataSize);
            }
            List<T> read = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file);
                    MappingIterator<Map<String, Object>> elements = rows.readValues(in)) {
                while (elements.hasNextValue()) {
                    T t = each.apply(elements.nextValue());
                    if (t != null) {
                        read.add(t);
                    }
                }
            }
            return read;
        } catch (JsonProcessingException | ClassCastException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw Refused.invalid("bag.metadata.unreadable", path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentType type(Map<String, Object> document) {
        String type = text(document, "document_type");
        try {
            return DocumentType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("bag.document.type", text(document, "id"));
        }
    }

    private static Path original(Path folder, String id) {
        if (!Files.isDirectory(folder)) {
            throw Refused.invalid("bag.document.missing", id);
        }
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.filter(p -> p.getFileName().toString().startsWith("original") && Files.isRegularFile(p))
                    .findFirst()
                    .orElseThrow(() -> Refused.invalid("bag.document.missing", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String put(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return files.put(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each page's text, as its searchable PDF's text layer holds it. */
    private static List<String> pageTexts(Path pdf, String id) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).strip());
            }
            return pages;
        } catch (IOException e) {
            throw Refused.invalid("bag.document.pdf", id);
        }
    }

    private static int pages(Map<String, Object> file) {
        Object pages = file.get("page_count");
        if (pages == null) {
            return 0;
        }
        // a string, a fraction or a number past int would be stored as 0 or wrapped round
        if (!(pages instanceof Integer count)) {
            throw Refused.invalid("bag.paperFile.invalid", text(file, "file_number"), "page_count");
        }
        return count;
    }

    private static String text(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? null : value.toString();
    }

    private static LocalDate day(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }
}
