package org.dangan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.dangan.workflow.support.DanganTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@DanganTest
class ApplicationStartsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    LiquibaseProperties liquibase;

    @Test
    void runs_on_the_database_the_profile_names() throws Exception {
        String product;
        try (var connection = jdbc.getDataSource().getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        boolean postgres = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
        assertThat(product).isEqualTo(postgres ? "PostgreSQL" : "H2");
    }

    @Test
    void liquibase_creates_camunda_and_registry_tables_before_the_engine_starts() {
        assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_TASK");
        assertThat(jdbc.queryForObject("select count(*) from health_record", Long.class))
                .isNotNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from databasechangelog where id = '7.16.0-baseline'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void liquibase_is_told_not_to_send_its_usage_over_the_internet() {
        // null would leave Liquibase's own default, which sends it
        assertThat(liquibase.getAnalyticsEnabled()).isFalse();
    }
}
