package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RecordQuery;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.Waiver;
import org.dangan.workflow.verification.WaiverReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The role is the services' own check, not only the web layer's: the screens call the services
 * directly. Each refusal comes before the lookup, so it holds for real records as for made-up ids.
 */
@DanganTest
class RoleChecksInServicesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    @Autowired
    Records records;

    @Autowired
    Documents documents;

    @Autowired
    Findings findings;

    @Autowired
    Checkouts checkouts;

    Fixtures.County county;
    /** A real record of township A, so that a refusal is not a "not found" in disguise. */
    String recordNumber;

    @BeforeEach
    void aTownshipWithOneRecord() {
        county = fixtures.county();
        recordNumber = fixtures.record(county.a(), 1).getRecordNumber();
    }

    @AfterEach
    void logOut() {
        AsUser.logout();
    }

    private void refusedForRole(String user, ThrowingCallable call) {
        asUser.login(county.user(user));
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.kind()).isEqualTo(Refused.Kind.FORBIDDEN);
            assertThat(r.key()).isEqualTo("role.required");
        });
    }

    @Test
    void searchers_and_auditors_read_no_record_of_their_own_township() {
        for (String user : List.of("searcher-a", "auditor")) {
            refusedForRole(user, () -> records.list(RecordQuery.all(), 0, 50));
            refusedForRole(user, () -> records.fetch(RecordQuery.all(), 0, 50));
            refusedForRole(user, () -> records.read(recordNumber));
        }
    }

    @Test
    void only_an_archivist_corrects_a_page_of_the_ocr_review() {
        for (String user : List.of("head-a", "searcher-a", "auditor", "county-supervisor")) {
            refusedForRole(user, () -> documents.correctPage(1L, 1, "改过的文字"));
        }
    }

    @Test
    void searchers_and_auditors_neither_waive_findings_nor_request_check_outs() {
        for (String user : List.of("searcher-a", "auditor")) {
            refusedForRole(
                    user, () -> findings.waiveAll(1L, List.of(1L), new Waiver(WaiverReason.DATA_CONFIRMED, null)));
            refusedForRole(
                    user,
                    () -> checkouts.request(new Checkouts.Request(
                            List.of(recordNumber + "-01"),
                            "查阅",
                            LocalDate.now(ChinaTime.ZONE).plusDays(3))));
        }
    }
}
