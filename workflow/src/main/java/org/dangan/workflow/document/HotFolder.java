package org.dangan.workflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dangan.ocr.ScanSplitter;
import org.dangan.ocr.UnreadableDocumentException;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The scan station's hot folder ({@code dangan.scan.hot-folder}): every few seconds, each file
 * dropped there is moved to {@code processing/}, split at its separator sheets (one document per
 * sheet, for the sheet's record and type), or, without sheets, taken whole when its name starts
 * with {@code <record number>_<TYPE>}; the documents are submitted as the station's archivist
 * account ({@code dangan.scan.hot-folder-user}), and the file goes to {@code done/}, or to
 * {@code rejected/} with a {@code .reason.txt} beside it. A crash leaves the file in
 * {@code processing/}, which the next sweep takes up again; submitting is idempotent (the same
 * content for the same record is one document), so nothing is duplicated.
 */
@Component
public class HotFolder {

    private static final Logger log = LoggerFactory.getLogger(HotFolder.class);
    private static final Pattern NAMED = Pattern.compile("^(\\d{17})_([A-Z_]+)[._].*");

    private final Documents documents;
    private final UserAccounts users;
    private final String folder;
    private final String user;

    HotFolder(
            Documents documents,
            UserAccounts users,
            @Value("${dangan.scan.hot-folder:}") String folder,
            @Value("${dangan.scan.hot-folder-user:}") String user) {
        this.documents = documents;
        this.users = users;
        this.folder = folder;
        this.user = user;
    }

    public record Outcome(String file, List<Long> documents, String rejectedBecause) {}

    @Scheduled(fixedDelayString = "${dangan.scan.hot-folder-poll:PT5S}")
    void scheduledSweep() {
        if (!folder.isBlank()) {
            sweep();
        }
    }

    /** Takes up every file waiting in the configured folder (and any left in processing/ by a crash). */
    public List<Outcome> sweep() {
        if (folder.isBlank()) {
            throw new IllegalStateException("no hot folder configured: set dangan.scan.hot-folder");
        }
        if (user.isBlank()) {
            throw new IllegalStateException(
                    "dangan.scan.hot-folder-user must name the scan station's archivist account");
        }
        return sweep(Path.of(folder), user);
    }

    /** Takes up every file waiting in {@code root}, submitting as {@code user}. */
    public List<Outcome> sweep(Path root, String user) {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            Path processing = Files.createDirectories(root.resolve("processing"));
            Files.createDirectories(root.resolve("done"));
            Files.createDirectories(root.resolve("rejected"));
            for (Path waiting : files(root)) {
                Files.move(waiting, processing.resolve(waiting.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            UserDetails station = users.loadUserByUsername(user);
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(station, null, station.getAuthorities()));
            try {
                for (Path file : files(processing)) {
                    outcomes.add(take(root, file));
                }
            } finally {
                SecurityContextHolder.clearContext();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep the hot folder " + root, e);
        }
        return outcomes;
    }

    private Outcome take(Path root, Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Long> submitted = new ArrayList<>();
        String rejected = null;
        Path parts = Files.createTempDirectory("dangan-split");
        try {
            ScanSplitter.Split split = ScanSplitter.split(file, parts);
            if (!split.parts().isEmpty()) {
                if (split.unassignedPages() > 0) {
                    rejected = split.unassignedPages() + " pages before the first separator sheet belong to no record";
                } else {
                    for (ScanSplitter.Part part : split.parts()) {
                        try (InputStream in = Files.newInputStream(part.pdf())) {
                            submitted.add(documents.submit(
                                    in,
                                    name + " p." + part.firstPage() + "-" + part.lastPage(),
                                    part.target().recordNumber(),
                                    DocumentType.valueOf(part.target().documentType())));
                        }
                    }
                }
            } else {
                Matcher m = NAMED.matcher(name);
                if (m.matches()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        submitted.add(documents.submit(in, name, m.group(1), DocumentType.valueOf(m.group(2))));
                    }
                } else {
                    rejected = "no separator sheet and no <record number>_<TYPE> at the start of the file name";
                }
            }
        } catch (UnreadableDocumentException | IllegalArgumentException | AccessDeniedException e) {
            rejected = e.getMessage();
        } catch (Refused e) {
            rejected = e.getMessage();
        } finally {
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parts)) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(parts);
        }
        if (rejected != null) {
            Files.move(file, root.resolve("rejected").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(
                    root.resolve("rejected").resolve(name + ".reason.txt"), rejected + "\n", StandardCharsets.UTF_8);
            log.warn("hot folder: {} rejected: {}", name, rejected);
        } else {
            Files.move(file, root.resolve("done").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            log.info("hot folder: {} gave documents {}", name, submitted);
        }
        return new Outcome(name, submitted, rejected);
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && !n.endsWith(".part") && !n.endsWith(".tmp")) {
                    found.add(p);
                }
            }
        }
        found.sort(null);
        return found;
    }
}
