package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Dashboards;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 16, item 7: pages recognised per day and the recognition backlog, per the reader's institutions. */
@DanganTest
class ScanningFiguresTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Dashboards dashboards;

    @Autowired
    ScanningFigures figures;

    @Autowired
    AsUser asUser;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        dashboards.scans(record, new int[] {5, 0}, new int[] {7, 0}, new int[] {3, 2}, new int[] {9, 20});
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    @Test
    void pages_count_on_the_day_their_document_was_archived_every_day_of_the_window_present() {
        asUser.login(county.user("archivist-a"));
        Map<LocalDate, Long> perDay = figures.pagesPerDay(14);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        assertThat(perDay).hasSize(14);
        assertThat(perDay.keySet().iterator().next()).isEqualTo(today.minusDays(13));
        assertThat(perDay.get(today)).isEqualTo(12L);
        assertThat(perDay.get(today.minusDays(2))).isEqualTo(3L);
        // 20 days ago lies outside the window
        assertThat(perDay.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(15L);
    }

    @Test
    void the_backlog_counts_waiting_running_review_and_failed_documents() {
        asUser.login(county.user("searcher-a"));
        assertThat(figures.backlog())
                .containsExactly(
                        Map.entry(DocumentState.QUEUED, 2L),
                        Map.entry(DocumentState.OCR_RUNNING, 1L),
                        Map.entry(DocumentState.REVIEW, 3L),
                        Map.entry(DocumentState.FAILED, 0L));
    }

    @Test
    void a_restricted_scan_counts_only_for_readers_of_restricted_documents() {
        dashboards.restrictedInReview(fixtures.record(county.a(), 2));
        // searcher-a's list hides it, so the count must too: one more would tell such a patient exists
        asUser.login(county.user("searcher-a"));
        assertThat(figures.backlog()).containsEntry(DocumentState.REVIEW, 3L);
        asUser.login(county.user("archivist-a"));
        assertThat(figures.backlog()).containsEntry(DocumentState.REVIEW, 4L);
    }

    @Test
    void another_township_counts_nothing_and_an_auditor_is_refused() {
        asUser.login(county.user("archivist-b"));
        assertThat(figures.pagesPerDay(14).values()).containsOnly(0L);
        assertThat(figures.backlog().values()).containsOnly(0L);
        asUser.login(county.user("auditor"));
        assertThatThrownBy(figures::backlog).isInstanceOf(Refused.class);
    }
}
