package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.dangan.workflow.support.DanganTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's MyBatis mappings are read beside the start (issue 21): the engine must take them on
 * both databases, and must never take mappings read for another database.
 */
@DanganTest
class EngineMappingsTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void the_engine_took_the_mappings_read_beside_the_start_and_queries_with_them() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration).isInstanceOf(EngineMappings.Engine.class);
        assertThat(((EngineMappings.Engine) configuration).tookMappingsReadAtStart())
                .as("mappings read for %s", configuration.getDatabaseType())
                .isTrue();
        // a paged query: the database's own limit syntax comes from the mappings' properties
        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .orderByProcessDefinitionKey()
                        .asc()
                        .listPage(1, 2))
                .hasSize(2);
    }

    @Test
    void mappings_read_for_another_database_or_prefix_are_not_taken_and_not_kept() {
        EngineMappings.start("postgres", "");
        assertThat(EngineMappings.take("h2", "")).isNull();
        assertThat(EngineMappings.take("postgres", ""))
                .as("used up by the refusal")
                .isNull();

        EngineMappings.start("h2", "");
        assertThat(EngineMappings.take("h2", "other_")).isNull();

        EngineMappings.start("h2", "");
        Configuration mappings = EngineMappings.take("h2", "");
        assertThat(mappings).isNotNull();
        assertThat(mappings.hasStatement("selectJobsByConfiguration")).isTrue();
        assertThat(EngineMappings.take("h2", "")).as("taken once").isNull();
    }

    @Test
    void the_database_type_is_camundas_name_for_the_url() {
        assertThat(EngineMappings.databaseType("jdbc:h2:file:/tmp/x/db/dangan;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("h2");
        assertThat(EngineMappings.databaseType("jdbc:postgresql://localhost/dangan"))
                .isEqualTo("postgres");
        assertThat(EngineMappings.databaseType("jdbc:mysql://localhost/dangan")).isNull();
    }
}
