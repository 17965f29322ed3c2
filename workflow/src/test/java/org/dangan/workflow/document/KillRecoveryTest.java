package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a 50-page scan, then a restart: every page ends processed, once, with
 * no orphan file and no duplicate. The node runs in a JVM of its own on an H2 file database that
 * this test reads too (the crash is of the application, not of the database).
 */
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

        Node first = start("submit", home, url, pdf);
        long id = Long.parseLong(first.await("DOCUMENT (\\d+)").group(1));
        first.await("document " + id + ": 10 of 50 pages recognised");
        first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9

        assertThat(count(url, "select count(*) from document_page where document_id = ?", id)).isZero();

        start("resume", home, url, null).await("NODE READY");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "ARCHIVED".equals(state(url, id)));

        assertThat(count(url, "select count(*) from document_page where document_id = ?", id)).isEqualTo(50);
        assertThat(count(url, "select count(distinct page_number) from document_page where document_id = ?", id))
                .isEqualTo(50);
        assertThat(count(url, "select count(*) from scanned_document", 0)).isOne();
        // the store holds the original and the searchable PDF, nothing else, and no half-written file
        try (Stream<Path> files = Files.walk(home.resolve("files"))) {
            List<Path> stored = files.filter(Files::isRegularFile).toList();
            assertThat(stored).hasSize(2).allMatch(p -> home.resolve("files").relativize(p).startsWith("sha256"));
        }
    }

    private record Node(Process process, BlockingQueue<String> lines) {

        Matcher await(String regex) throws InterruptedException {
            Pattern pattern = Pattern.compile(".*" + regex + ".*");
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            java.util.ArrayDeque<String> last = new java.util.ArrayDeque<>();
            while (System.nanoTime() < end) {
                String line = lines.poll(5, TimeUnit.SECONDS);
                if (line != null) {
                    if (last.size() == 30) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                    Matcher m = pattern.matcher(line);
                    if (m.matches()) {
                        return m;
                    }
                }
                if (line == null && !process.isAlive()) {
                    throw new AssertionError("the node died before printing " + regex + "; its last lines:\n"
                            + String.join("\n", last));
                }
            }
            throw new AssertionError("the node did not print " + regex + " within 4 minutes");
        }
    }

    private Node start(String mode, Path home, String url, Path pdf) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillRecoveryNode.class.getName(), mode, home.toString(), url));
        if (pdf != null) {
            command.add(pdf.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // this node keeps to its own H2 database, whatever profile the suite runs with
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        nodes.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the node was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Node(process, lines);
    }

    private static long count(String url, String sql, long parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "dangan", ""); PreparedStatement s = c.prepareStatement(sql)) {
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
        BufferedImage page = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                DocumentApiTest.scan(DocumentApiTest.REPORT, 58)));
        try (PDDocument doc = new PDDocument()) {
            var image = LosslessFactory.createFromImage(doc, page);
            for (int i = 0; i < 50; i++) {
                PDPage p = new PDPage(new PDRectangle(page.getWidth() * 72f / 300, page.getHeight() * 72f / 300));
                doc.addPage(p);
                try (PDPageContentStream c = new PDPageContentStream(doc, p)) {
                    c.drawImage(image, 0, 0, p.getMediaBox().getWidth(), p.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
