package org.dangan.workflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.dangan.workflow.platform.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of a received bag with small numbers, so that each is crossed in a few bytes: the
 * zip's bytes, what it unpacks to and its entries are counted as they are read, and a zip past
 * any of them is refused before anything is unpacked.
 */
class BagZipTest {

    private static final BagZip.Limits LIMITS = new BagZip.Limits(64 * 1024, 256 * 1024, 3);

    @TempDir
    Path work;

    @Test
    void refuses_an_upload_past_its_size_and_keeps_no_more_of_it_than_the_limit_and_a_buffer() throws IOException {
        byte[] noise = new byte[200 * 1024];
        new Random(7).nextBytes(noise);
        byte[] zip = zip(List.of("bag/data/noise"), noise);
        assertThat(refusal(() -> BagZip.receive(
                        new ByteArrayInputStream(zip), work.resolve("received.zip"), work.resolve("bag"), LIMITS)))
                .isEqualTo("bag.tooLarge");
        assertThat(Files.size(work.resolve("received.zip"))).isLessThan(64 * 1024 + 16 * 1024);
        assertThat(work.resolve("bag")).doesNotExist();
    }

    @Test
    void refuses_a_small_zip_that_unpacks_past_the_limit_before_unpacking_it() throws IOException {
        byte[] zeros = new byte[1024 * 1024];
        byte[] zip = zip(List.of("bag/data/zeros"), zeros);
        assertThat(zip.length).isLessThan(8 * 1024);
        assertThat(refusal(() -> BagZip.receive(
                        new ByteArrayInputStream(zip), work.resolve("received.zip"), work.resolve("bag"), LIMITS)))
                .isEqualTo("bag.zip.unpackedTooLarge");
        assertThat(work.resolve("bag")).doesNotExist();
    }

    @Test
    void refuses_more_entries_than_a_bag_may_hold_before_unpacking_any() throws IOException {
        byte[] zip = zip(List.of("bag/a", "bag/b", "bag/c", "bag/d"), new byte[] {1});
        assertThat(refusal(() -> BagZip.receive(
                        new ByteArrayInputStream(zip), work.resolve("received.zip"), work.resolve("bag"), LIMITS)))
                .isEqualTo("bag.zip.tooManyEntries");
        assertThat(work.resolve("bag")).doesNotExist();
    }

    @Test
    void refuses_an_entry_that_climbs_out_of_the_bag() throws IOException {
        byte[] zip = zip(List.of("bag/data/../../../outside"), new byte[] {1});
        assertThat(refusal(() -> BagZip.receive(
                        new ByteArrayInputStream(zip), work.resolve("received.zip"), work.resolve("bag"), LIMITS)))
                .isEqualTo("bag.path.outside");
        assertThat(work.resolve("outside")).doesNotExist();
    }

    @Test
    void takes_a_zip_within_the_limits_whole_and_answers_its_sha256() throws IOException {
        byte[] zip =
                zip(List.of("bag/bagit.txt", "bag/data/a"), "BagIt-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        Path unpacked = work.resolve("unpacked");
        String sha = BagZip.receive(new ByteArrayInputStream(zip), work.resolve("received.zip"), unpacked, LIMITS);
        assertThat(Files.readAllBytes(work.resolve("received.zip"))).isEqualTo(zip);
        assertThat(sha).isEqualTo(HexFormat.of().formatHex(ArchiveBag.sha256().digest(zip)));
        assertThat(unpacked).doesNotExist();
        BagZip.unzip(work.resolve("received.zip"), unpacked, LIMITS);
        assertThat(unpacked.resolve("bag/data/a")).hasContent("BagIt-Version: 1.0");
    }

    @Test
    void refuses_a_tag_file_line_past_its_limit_without_reading_the_rest() throws IOException {
        Path manifest = work.resolve("manifest-sha256.txt");
        Files.writeString(manifest, "0".repeat(64) + "  data/" + "a".repeat(TagFiles.MAX_LINE) + "\n");
        assertThat(refusal(() -> TagFiles.lines(manifest, "manifest-sha256.txt", 10, 1 << 20, (n, line) -> {})))
                .isEqualTo("bag.tagFile.lineTooLong");
    }

    @Test
    void refuses_a_tag_file_of_more_lines_than_allowed_before_handing_on_any_past_it() throws IOException {
        Path manifest = work.resolve("manifest-sha256.txt");
        Files.writeString(manifest, "a\nb\nc\nd");
        List<String> read = new ArrayList<>();
        assertThat(refusal(
                        () -> TagFiles.lines(manifest, "manifest-sha256.txt", 3, 1 << 20, (n, line) -> read.add(line))))
                .isEqualTo("bag.tagFile.tooManyLines");
        assertThat(read).containsExactly("a", "b", "c");
    }

    @Test
    void reads_lines_ended_by_crlf_or_lf_and_a_last_line_without_an_end() throws IOException {
        Path info = work.resolve("bag-info.txt");
        Files.writeString(info, "A: 1\r\nB: 2\nC: 3");
        List<String> read = new ArrayList<>();
        TagFiles.lines(info, "bag-info.txt", 3, 1 << 20, (n, line) -> read.add(line));
        assertThat(read).containsExactly("A: 1", "B: 2", "C: 3");
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    private static String refusal(Action action) {
        Throwable thrown = Assertions.catchThrowable(action::run);
        assertThat(thrown).isInstanceOf(Refused.class);
        return ((Refused) thrown).key();
    }

    private static byte[] zip(List<String> names, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
