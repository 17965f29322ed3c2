package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a 50-page scan, then a restart: every page ends processed, once, with
 * no orphan file and no duplicate. The node runs in a JVM of its own on an H2 file database that
 * this test reads too (the crash is of the application, not of the database).
 */
@Tag("slow") // kills and restarts a node in a JVM of its own over a 50-page scan: minutes
class KillRecoveryTest {

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void a_node_killed_in_the_middle_of_a_50_page_scan_finishes_it_once_after_a_restart() throws Exception {
        Path pdf = fiftyPages(dir.resolve("stack.pdf"));
        Path home = Files.createDirectories(dir.resolve("home"));
        String url = "jdbc:h2:file:" + home.resolve("db/dangan") + ";AUTO_SERVER=TRUE";

        ChildNode first = start("submit", home, url, pdf);
        long id = Long.parseLong(first.await("DOCUMENT (\\d+)").group(1));
        first.await("document " + id + ": 10 of 50 pages recognised");
        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9

        assertThat(count(url, "select count(*) from document_page where document_id = ?", id))
                .isZero();

        start("resume", home, url, null).await("NODE READY");
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "ARCHIVED".equals(state(url, id)));

        assertThat(count(url, "select count(*) from document_page where document_id = ?", id))
                .isEqualTo(50);
        assertThat(count(url, "select count(distinct page_number) from document_page where document_id = ?", id))
                .isEqualTo(50);
        assertThat(count(url, "select count(*) from scanned_document", 0)).isOne();
        // the store holds the original and the searchable PDF, nothing else, and no half-written file
        try (Stream<Path> files = Files.walk(home.resolve("files"))) {
            List<Path> stored = files.filter(Files::isRegularFile).toList();
            assertThat(stored)
                    .hasSize(2)
                    .allMatch(p -> home.resolve("files").relativize(p).startsWith("sha256"));
        }
    }

    private ChildNode start(String mode, Path home, String url, Path pdf) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(mode, home.toString(), url));
        if (pdf != null) {
            arguments.add(pdf.toString());
        }
        ChildNode node = ChildNode.start(List.of(), KillRecoveryNode.class, arguments);
        nodes.add(node.process());
        return node;
    }

    private static long count(String url, String sql, long parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "dangan", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setLong(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String state(String url, long id) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "dangan", "");
                PreparedStatement s = c.prepareStatement("select state from scanned_document where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Path fiftyPages(Path file) throws Exception {
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(DocumentApiTest.scan(DocumentApiTest.REPORT, 58)));
        try (PDDocument doc = new PDDocument()) {
            var image = LosslessFactory.createFromImage(doc, page);
            for (int i = 0; i < 50; i++) {
                PDPage p = new PDPage(new PDRectangle(page.getWidth() * 72f / 300, page.getHeight() * 72f / 300));
                doc.addPage(p);
                try (PDPageContentStream c = new PDPageContentStream(doc, p)) {
                    c.drawImage(
                            image,
                            0,
                            0,
                            p.getMediaBox().getWidth(),
                            p.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
