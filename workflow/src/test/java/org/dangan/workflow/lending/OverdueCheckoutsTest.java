package org.dangan.workflow.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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

/** Issue 16, item 7: overdue check-outs for the keepers' home pages, with the borrower by name. */
@DanganTest
class OverdueCheckoutsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Dashboards dashboards;

    @Autowired
    OverdueCheckouts overdue;

    @Autowired
    AsUser asUser;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        HealthRecord late = fixtures.record(county.a(), 1);
        HealthRecord inTime = fixtures.record(county.a(), 2);
        dashboards.overdueCheckout(county.a(), county.user("archivist-a"), late, 10);
        dashboards.overdueCheckout(county.a(), county.user("archivist-a"), inTime, -3);
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    @Test
    void the_head_reads_the_check_out_past_its_day_with_the_borrowers_name_and_not_the_one_still_in_time() {
        asUser.login(county.user("head-a"));
        assertThat(overdue.list()).singleElement().satisfies(o -> {
            assertThat(o.institution()).isEqualTo("甲镇卫生院");
            assertThat(o.borrower()).isEqualTo("甲档案员");
            assertThat(o.dueOn()).isEqualTo(LocalDate.now(ChinaTime.ZONE).minusDays(10));
            assertThat(o.daysOverdue()).isEqualTo(10);
            assertThat(o.files()).isEqualTo(1);
        });
    }

    @Test
    void another_township_reads_none_and_a_searcher_is_refused() {
        asUser.login(county.user("head-b"));
        assertThat(overdue.list()).isEmpty();
        asUser.login(county.user("searcher-a"));
        assertThatThrownBy(overdue::list).isInstanceOf(Refused.class);
    }
}
