package org.dangan.workflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Dashboards;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 16, item 7: the campaign figures of the home pages, per institution and as far as the reader's scope goes. */
@DanganTest
@Tag("slow") // walks campaigns through the engine to have figures to read
class CampaignFiguresTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Dashboards dashboards;

    @Autowired
    CampaignFigures figures;

    @Autowired
    AsUser asUser;

    Fixtures.County county;
    long campaignId;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        campaignId = dashboards.campaign(county);
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private CampaignFigures.OpenCampaign onlyCampaign(String user) {
        asUser.login(county.user(user));
        List<CampaignFigures.OpenCampaign> open = figures.open();
        assertThat(open).extracting(CampaignFigures.OpenCampaign::id).containsExactly(campaignId);
        return open.get(0);
    }

    @Test
    void the_county_supervisor_reads_each_townships_findings_sample_and_threshold_and_the_days_left() {
        CampaignFigures.OpenCampaign campaign = onlyCampaign("county-supervisor");
        assertThat(campaign.daysLeft()).isEqualTo(30);
        assertThat(campaign.institutions())
                .extracting(
                        CampaignFigures.InstitutionFigures::name,
                        CampaignFigures.InstitutionFigures::fixed,
                        CampaignFigures.InstitutionFigures::waived,
                        CampaignFigures.InstitutionFigures::open,
                        CampaignFigures.InstitutionFigures::sampleJudged)
                .containsExactly(Tuple.tuple("甲镇卫生院", 3L, 1L, 2L, true), Tuple.tuple("乙镇卫生院", 1L, 0L, 4L, true));
        assertThat(campaign.institutions().get(0).sampleErrorRate()).isEqualByComparingTo("0.1");
        assertThat(campaign.institutions().get(1).sampleErrorRate()).isEqualByComparingTo("0.0333");
        assertThat(campaign.institutions())
                .extracting(CampaignFigures.InstitutionFigures::maxErrorRate)
                .allSatisfy(max -> assertThat(max).isEqualByComparingTo(new BigDecimal("0.05")));
    }

    @Test
    void a_township_head_reads_only_the_row_of_the_township() {
        assertThat(onlyCampaign("head-a").institutions())
                .extracting(CampaignFigures.InstitutionFigures::name)
                .containsExactly("甲镇卫生院");
    }

    @Test
    void supervisors_and_the_checkers_of_the_county_follow_campaigns_township_archivists_and_searchers_do_not() {
        for (String user : new String[] {"county-supervisor", "head-a", "county-checker", "city-supervisor"}) {
            asUser.login(county.user(user));
            assertThat(figures.followedBy(CurrentUser.require())).as(user).isTrue();
        }
        for (String user : new String[] {"archivist-a", "searcher-a", "auditor"}) {
            asUser.login(county.user(user));
            assertThat(figures.followedBy(CurrentUser.require())).as(user).isFalse();
            assertThatThrownBy(figures::open).isInstanceOf(Refused.class);
        }
    }
}
