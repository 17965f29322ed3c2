package org.dangan.workflow.handover;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.ReceivedRecords;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a verified bag into the archivist's institution, in one transaction: its records (keeping
 * their numbers), their paper files (RECEIVED, to be boxed), and its archived documents with the
 * text of their searchable PDFs. The bag's JSON is the one {@link ArchiveBag} writes.
 */
@Component
class BagLoad {

    private static final Pattern CODE = Pattern.compile("\\((\\d{6,12})\\)");

    record Loaded(int records, int paperFiles, int documents) {
    }

    private final ReceivedRecords receivedRecords;
    private final ReceivedDocuments receivedDocuments;
    private final FileStore files;
    private final Institutions institutions;
    private final ObjectMapper json = new ObjectMapper();

    BagLoad(ReceivedRecords receivedRecords, ReceivedDocuments receivedDocuments, FileStore files, Institutions institutions) {
        this.receivedRecords = receivedRecords;
        this.receivedDocuments = receivedDocuments;
        this.files = files;
        this.institutions = institutions;
    }

    @Transactional
    Loaded load(Path root, Map<String, String> info) {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST)) {
            throw new AccessDeniedException("a bag's archive is taken in by an archivist of the receiving institution");
        }
        List<Map<String, Object>> records = read(root, "data/metadata/records.json");
        List<Map<String, Object>> paperFiles = read(root, "data/metadata/paper-files.json");
        List<Map<String, Object>> documents = read(root, "data/metadata/documents.json");
        String source = info.getOrDefault("Source-Organization", "");
        Matcher code = CODE.matcher(source);
        Long numberedBy = code.find() ? institutions.byCode(code.group(1)).map(Institution::getId).orElse(null) : null;
        String from = code.reset().find() ? code.group(1) : info.getOrDefault("External-Identifier", "bag");
        String reason = "received in bag " + info.getOrDefault("External-Identifier", root.getFileName().toString());
        receivedRecords.receive(user.institutionId(), numberedBy, from, records.stream().map(r -> new ReceivedRecords.Record(
                text(r, "record_number"), text(r, "name"), text(r, "gender"), day(r, "birth_date"), text(r, "id_number"),
                text(r, "phone"), text(r, "address"), text(r, "key_populations"), text(r, "status"),
                day(r, "last_service_date"), day(r, "deceased_on"))).toList(),
                paperFiles.stream().filter(f -> !"DISPOSED".equals(f.get("state"))).map(f -> new ReceivedRecords.File(
                        text(f, "file_number"), text(f, "record_number"), ((Number) f.get("page_count")).intValue()))
                        .toList(), reason);
        int loaded = 0;
        for (Map<String, Object> d : documents) {
            if (!"ARCHIVED".equals(d.get("state")) || d.get("pdf_sha256") == null) {
                continue;
            }
            Path folder = root.resolve("data/documents/" + d.get("id"));
            Path pdf = folder.resolve("searchable.pdf");
            Path original = original(folder);
            receivedDocuments.archive(text(d, "record_number"), DocumentType.valueOf(text(d, "document_type")),
                    Boolean.TRUE.equals(d.get("restricted")), text(d, "original_name"), put(original), size(original),
                    put(pdf), pageTexts(pdf), user.getUsername());
            loaded++;
        }
        return new Loaded(records.size(), paperFiles.size(), loaded);
    }

    private List<Map<String, Object>> read(Path root, String path) {
        try {
            return json.readValue(root.resolve(path).toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("bag: " + path + " is missing or not the JSON a handover bag holds", e);
        }
    }

    private static Path original(Path folder) {
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.filter(p -> p.getFileName().toString().startsWith("original")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bag: " + folder.getFileName() + " has no original"));
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
    private static List<String> pageTexts(Path pdf) {
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
            throw new IllegalArgumentException("bag: " + pdf.getParent().getFileName() + "/searchable.pdf is not a readable PDF", e);
        }
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
