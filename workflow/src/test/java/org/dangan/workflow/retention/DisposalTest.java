package org.dangan.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangan.workflow.support.Refusals.keyOf;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The disposal guards its own steps, without Spring: appraisal, two approvals by new people each, then the paper goes. */
class DisposalTest {

    static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    private static Disposal proposed() {
        return new Disposal(2, 1, "archivist-a", AT);
    }

    @Test
    void a_rejection_reason_naming_the_disorder_is_refused() {
        Disposal d = proposed();
        d.appraised("appraiser-a");
        assertThat(keyOf(() -> d.institutionDecided("head-a", false, "精神分裂症患者档案须永久保存")))
                .isEqualTo("text.namesRestricted");
        d.institutionDecided("head-a", false, "保管期限未满");
        assertThat(d.getState()).isEqualTo(Disposal.State.REJECTED);
    }

    private static Disposal approvedByTheInstitution() {
        Disposal d = proposed();
        d.appraised("appraiser-a");
        d.institutionDecided("head-a", true, null);
        return d;
    }

    @Test
    void nothing_is_decided_or_disposed_before_the_appraisal() {
        Disposal d = proposed();
        assertThat(d.getState()).isEqualTo(Disposal.State.PROPOSED);
        assertThat(keyOf(() -> d.institutionDecided("head-a", true, null))).isEqualTo("disposal.cannot.approve");
        assertThat(keyOf(() -> d.countyDecided("county-supervisor", true, null)))
                .isEqualTo("disposal.cannot.countyApprove");
        assertThat(keyOf(() -> d.disposed(AT))).isEqualTo("disposal.cannot.carryOut");

        d.appraised("appraiser-a");

        assertThat(d.getState()).isEqualTo(Disposal.State.APPRAISED);
        assertThat(d.getAppraisedBy()).isEqualTo("appraiser-a");
        assertThat(keyOf(() -> d.appraised("appraiser-b"))).isEqualTo("disposal.cannot.appraise");
        assertThat(keyOf(() -> d.disposed(AT))).isEqualTo("disposal.cannot.carryOut");
    }

    @Test
    void the_institution_approves_by_someone_who_neither_proposed_nor_appraised() {
        Disposal d = proposed();
        d.appraised("appraiser-a");

        assertThat(keyOf(() -> d.institutionDecided("archivist-a", true, null))).isEqualTo("disposal.fourEyes");
        assertThat(keyOf(() -> d.institutionDecided("appraiser-a", true, null))).isEqualTo("disposal.fourEyes");
        assertThat(d.getState()).isEqualTo(Disposal.State.APPRAISED);

        d.institutionDecided("head-a", true, null);

        assertThat(d.getState()).isEqualTo(Disposal.State.APPROVED);
        assertThat(d.getApprovedBy()).isEqualTo("head-a");
        assertThat(keyOf(() -> d.institutionDecided("head-b", true, null))).isEqualTo("disposal.cannot.approve");
        assertThat(keyOf(() -> d.disposed(AT))).as("the county has not decided").isEqualTo("disposal.cannot.carryOut");
    }

    @Test
    void the_county_approves_by_someone_else_again_and_only_then_the_paper_goes() {
        Disposal d = approvedByTheInstitution();

        for (String earlier : new String[] {"archivist-a", "appraiser-a", "head-a"}) {
            assertThat(keyOf(() -> d.countyDecided(earlier, true, null)))
                    .as(earlier)
                    .isEqualTo("disposal.fourEyes");
        }
        assertThat(d.getState()).isEqualTo(Disposal.State.APPROVED);

        d.countyDecided("county-supervisor", true, null);

        assertThat(d.getState()).isEqualTo(Disposal.State.COUNTY_APPROVED);
        assertThat(d.getCountyApprovedBy()).isEqualTo("county-supervisor");
        d.disposed(AT.plusSeconds(60));
        assertThat(d.getState()).isEqualTo(Disposal.State.DISPOSED);
        assertThat(d.getDisposedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(keyOf(() -> d.disposed(AT))).isEqualTo("disposal.cannot.carryOut");
        assertThat(keyOf(() -> d.countyDecided("county-other", true, null))).isEqualTo("disposal.cannot.countyApprove");
    }

    @Test
    void a_rejection_needs_a_reason_and_ends_the_list() {
        Disposal d = approvedByTheInstitution();
        assertThat(keyOf(() -> d.countyDecided("county-supervisor", false, " ")))
                .isEqualTo("disposal.reasonRequired");
        assertThat(d.getState()).isEqualTo(Disposal.State.APPROVED);

        d.countyDecided("county-supervisor", false, "尚在保管期限内");

        assertThat(d.getState()).isEqualTo(Disposal.State.REJECTED);
        assertThat(d.getRejectedReason()).isEqualTo("尚在保管期限内");
        assertThat(keyOf(() -> d.disposed(AT))).isEqualTo("disposal.cannot.carryOut");

        Disposal early = proposed();
        early.appraised("appraiser-a");
        early.institutionDecided("head-a", false, "需要补充鉴定");
        assertThat(early.getState()).isEqualTo(Disposal.State.REJECTED);
        assertThat(keyOf(() -> early.countyDecided("county-supervisor", true, null)))
                .isEqualTo("disposal.cannot.countyApprove");
    }
}
