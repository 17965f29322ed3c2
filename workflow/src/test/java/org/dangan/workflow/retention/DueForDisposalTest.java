package org.dangan.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Dashboards;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 16, item 7: files due for disposal, counted per institution of the keeper's scope. */
@DanganTest
class DueForDisposalTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Dashboards dashboards;

    @Autowired
    Retention retention;

    @Autowired
    AsUser asUser;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        dashboards.dueForDisposal(county.a(), 1, 5);
        dashboards.dueForDisposal(county.a(), 2, 6);
        // a living resident's file stays
        fixtures.record(county.a(), 3);
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    @Test
    void the_township_and_the_county_count_the_due_files_per_institution() {
        for (String user : new String[] {"archivist-a", "county-supervisor"}) {
            asUser.login(county.user(user));
            assertThat(retention.dueForDisposal())
                    .as(user)
                    .containsExactly(new Retention.DueForDisposal(county.a().getId(), "甲镇卫生院", 2));
        }
    }

    @Test
    void another_township_counts_none() {
        asUser.login(county.user("archivist-b"));
        assertThat(retention.dueForDisposal()).isEmpty();
    }
}
