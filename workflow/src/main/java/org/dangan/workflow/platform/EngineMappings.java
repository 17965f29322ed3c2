package org.dangan.workflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The engine's MyBatis mappings, read on a thread of their own from the moment the settings name
 * the database, while Spring reads its configuration on the main thread. Reading them is about
 * 4 s of a start on two cores, and nothing in them depends on the engine's other settings but the
 * database type and the table prefix (issue 21). The engine takes the result only when both are
 * the ones it determined itself; otherwise, or if the reading failed, it reads them as always.
 */
public final class EngineMappings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EngineMappings.class);

    /** At most one reading waits: a second start in the same JVM (tests) replaces an unused one. */
    private static final AtomicReference<Reading> WAITING = new AtomicReference<>();

    private record Reading(String databaseType, String tablePrefix, CompletableFuture<Configuration> mappings) {}

    /** Started by Spring Boot (META-INF/spring.factories) once the settings are read. */
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment settings = event.getEnvironment();
        String databaseType = databaseType(settings.getProperty("spring.datasource.url", ""));
        if (databaseType != null && settings.getProperty("camunda.bpm.enabled", Boolean.class, true)) {
            start(databaseType, settings.getProperty("camunda.bpm.database.table-prefix", ""));
        }
    }

    /** Camunda's name for the database a JDBC URL opens, as its metadata would give it; null if not one of ours. */
    static String databaseType(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        return null;
    }

    static void start(String databaseType, String tablePrefix) {
        CompletableFuture<Configuration> mappings = new CompletableFuture<>();
        WAITING.set(new Reading(databaseType, tablePrefix, mappings));
        Thread reader = new Thread(
                () -> {
                    try {
                        mappings.complete(read(databaseType, tablePrefix));
                    } catch (RuntimeException | IOException | Error e) {
                        mappings.completeExceptionally(e);
                    }
                },
                "engine-mappings");
        reader.setDaemon(true);
        reader.start();
    }

    /** What {@link ProcessEngineConfigurationImpl}'s own initSqlSessionFactory reads, for an engine without a shared factory. */
    static Configuration read(String databaseType, String tablePrefix) throws IOException {
        try (InputStream in =
                        ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.put("prefix", tablePrefix);
            ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
            return new XMLConfigBuilder(reader, "", properties).parse();
        }
    }

    /** The mappings read for this database type and prefix, once; null if none were read for them. */
    static Configuration take(String databaseType, String tablePrefix) {
        Reading reading = WAITING.getAndSet(null);
        if (reading == null
                || !reading.databaseType().equals(databaseType)
                || !reading.tablePrefix().equals(tablePrefix)) {
            return null;
        }
        try {
            return reading.mappings().join();
        } catch (CompletionException e) {
            log.warn(
                    "the engine's mappings read beside the start failed, read again: {}",
                    e.getCause().toString());
            return null;
        }
    }

    /** The starter's engine configuration, taking the mappings read beside the start where they fit. */
    static final class Engine extends SpringProcessEngineConfiguration {

        private boolean mappingsReadAtStart;

        @Override
        protected void initSqlSessionFactory() {
            Configuration mappings = sqlSessionFactory == null && !isUseSharedSqlSessionFactory
                    ? take(databaseType, databaseTablePrefix)
                    : null;
            if (mappings == null) {
                super.initSqlSessionFactory();
                return;
            }
            mappings.setEnvironment(
                    new org.apache.ibatis.mapping.Environment("default", transactionFactory, dataSource));
            mappings.setDefaultStatementTimeout(jdbcStatementTimeout);
            if (isJdbcBatchProcessing()) {
                mappings.setDefaultExecutorType(ExecutorType.BATCH);
            }
            sqlSessionFactory = new DefaultSqlSessionFactory(mappings);
            mappingsReadAtStart = true;
        }

        boolean tookMappingsReadAtStart() {
            return mappingsReadAtStart;
        }
    }
}
