package org.dangan.workflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.dangan.workflow.document.ArchivedPages.ArchivedPage;
import org.dangan.workflow.registry.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded index on its own: lost or corrupt it asks for a rebuild, one writer only, never in a cluster. */
class LuceneBackendTest {

    @TempDir
    Path dir;

    private static ArchivedPage page(long document, String text) {
        return new ArchivedPage(
                document,
                1,
                "13010210100100001",
                "王秀英",
                5,
                List.of(1L, 5L),
                DocumentType.AUX_EXAM_REPORT,
                false,
                null,
                Instant.parse("2024-05-06T08:00:00Z"),
                text);
    }

    private static long found(LuceneBackend index, String q) {
        return index.search(new SearchRequest(
                        QueryParser.parse(q),
                        1,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        SearchRequest.Sort.RELEVANCE,
                        0,
                        10))
                .total();
    }

    @Test
    void a_page_without_a_stated_date_is_dated_by_the_day_it_was_scanned_in_china() {
        // 00:30 on 1 May in China is still 30 April in UTC
        ArchivedPage scanned = new ArchivedPage(
                1,
                1,
                "13010210100100001",
                "王秀英",
                5,
                List.of(1L, 5L),
                DocumentType.AUX_EXAM_REPORT,
                false,
                null,
                Instant.parse("2024-04-30T16:30:00Z"),
                "血常规");

        assertThat(LuceneBackend.date(scanned)).isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @Test
    void a_missing_index_asks_for_a_rebuild_and_a_kept_one_does_not() {
        try (LuceneBackend index = new LuceneBackend(dir, ChineseAnalysis.BIGRAM)) {
            assertThat(index.needsRebuild()).isTrue();
            try (SearchBackend.Rebuild rebuild = index.rebuild()) {
                rebuild.add(List.of(page(1, "血常规检验报告单 高血压")));
                rebuild.complete();
            }
            assertThat(index.needsRebuild()).isFalse();
            assertThat(found(index, "高血压")).isOne();
        }
        try (LuceneBackend again = new LuceneBackend(dir, ChineseAnalysis.BIGRAM)) {
            assertThat(again.needsRebuild()).isFalse();
            assertThat(found(again, "高血压")).isOne();
        }
    }

    @Test
    void a_corrupt_index_is_set_aside_for_a_rebuild_and_the_old_generation_goes_when_it_is_done() throws Exception {
        try (LuceneBackend index = new LuceneBackend(dir, ChineseAnalysis.BIGRAM)) {
            index.replace(List.of(1L), List.of(page(1, "高血压")));
        }
        Path generation = dir.resolve(Files.readString(dir.resolve("current")).strip());
        try (Stream<Path> files = Files.list(generation)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        try (LuceneBackend index = new LuceneBackend(dir, ChineseAnalysis.BIGRAM)) {
            assertThat(index.needsRebuild()).isTrue();
            assertThat(found(index, "高血压")).isZero(); // answers, empty, until rebuilt
            try (SearchBackend.Rebuild rebuild = index.rebuild()) {
                rebuild.add(List.of(page(1, "高血压")));
                rebuild.complete();
            }
            assertThat(found(index, "高血压")).isOne();
            try (Stream<Path> generations = Files.list(dir)) {
                assertThat(generations.filter(Files::isDirectory).count()).isOne();
            }
        }
    }

    @Test
    void an_abandoned_rebuild_leaves_the_index_in_use_as_it_was() {
        try (LuceneBackend index = new LuceneBackend(dir, ChineseAnalysis.BIGRAM)) {
            index.replace(List.of(1L), List.of(page(1, "高血压")));
            try (SearchBackend.Rebuild rebuild = index.rebuild()) {
                rebuild.add(List.of(page(2, "糖尿病")));
                // not completed: a crash or an error in the middle
            }
            assertThat(found(index, "高血压")).isOne();
            assertThat(found(index, "糖尿病")).isZero();
        }
    }

    @Test
    void a_second_process_on_the_same_index_is_refused_with_the_reason() {
        try (LuceneBackend index = new LuceneBackend(dir, ChineseAnalysis.BIGRAM)) {
            index.replace(List.of(), List.of(page(1, "高血压")));
            assertThatThrownBy(() -> new LuceneBackend(dir, ChineseAnalysis.BIGRAM))
                    .hasMessageContaining("in use by another Dang'an process");
            assertThat(found(index, "高血压")).isOne();
        }
    }

    @Test
    void the_embedded_index_refuses_to_serve_a_cluster() {
        assertThatThrownBy(() -> new SearchConfiguration()
                        .searchBackend(
                                "lucene", ChineseAnalysis.BIGRAM, dir.toString(), true, "", "", "", "dangan-pages"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot serve a cluster")
                .hasMessageContaining("dangan.search.backend=elasticsearch");
        assertThatThrownBy(() -> new SearchConfiguration()
                        .searchBackend(
                                "solr", ChineseAnalysis.BIGRAM, dir.toString(), false, "", "", "", "dangan-pages"))
                .hasMessageContaining("not one of lucene, elasticsearch");
    }
}
