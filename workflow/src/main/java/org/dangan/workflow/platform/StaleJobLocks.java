package org.dangan.workflow.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A node killed in the middle of a job (kill -9, power cut) leaves the job locked in its name
 * until the lock expires: 30 minutes here, since recognising a long scan is one job. Each node
 * therefore takes a fixed name as its job executor's lock owner ({@code dangan.node-name}, the
 * host name by default), and on start releases the locks still held in that name: whoever held
 * them is dead, because this node is only starting. The jobs run again at once; their work is
 * transactional, so nothing is done twice.
 */
@Component
class StaleJobLocks extends AbstractProcessEnginePlugin implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(StaleJobLocks.class);

    private final String nodeName;
    private final JdbcTemplate jdbc;

    StaleJobLocks(@Value("${dangan.node-name:}") String nodeName, JdbcTemplate jdbc) {
        this.nodeName = nodeName.isBlank() ? hostName() : nodeName;
        this.jdbc = jdbc;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JobExecutor executor) {
            executor.setLockOwner(nodeName);
        }
        return bean;
    }

    /** The job log's host name is the node's name too, so Cockpit and the history say which node ran a job. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(nodeName);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
    }

    /** Releases the job locks held in this node's name; answers how many. */
    int release() {
        int released = jdbc.update(
                "update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?", nodeName);
        if (released > 0) {
            log.warn("released {} job locks left by an earlier run of node {}", released, nodeName);
        }
        return released;
    }

    String nodeName() {
        return nodeName;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "dangan";
        }
    }
}
