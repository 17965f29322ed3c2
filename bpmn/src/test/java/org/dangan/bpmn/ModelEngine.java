package org.dangan.bpmn;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine (H2, no job executor, full history) for every process-path test of the
 * run: building it costs a second, a test's deployment a few milliseconds. Expressions resolve
 * beans from {@code Mocks}, so the models run against mocks instead of the application's beans.
 * No Spring here: the models' module does not know the application.
 */
final class ModelEngine {

    private static ProcessEngine engine;

    private ModelEngine() {}

    static synchronized ProcessEngineExtension extension() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
            config.setProcessEngineName("dangan-models");
            config.setJdbcUrl("jdbc:h2:mem:dangan-models;DB_CLOSE_DELAY=-1");
            config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            // jobs (async steps, timers) run only when a test executes them
            config.setJobExecutorActivate(false);
            config.setExpressionManager(new MockExpressionManager());
            // the models use neither cases nor decision tasks: fewer tables to create, less to boot
            config.setCmmnEnabled(false);
            config.setDmnEnabled(false);
            config.setMetricsEnabled(false);
            config.setDbMetricsReporterActivate(false);
            engine = config.buildProcessEngine();
        }
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }
}
