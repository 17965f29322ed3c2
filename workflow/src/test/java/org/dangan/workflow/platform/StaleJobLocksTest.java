package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.dangan.workflow.support.DanganTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A job left locked by this node's earlier, killed run is released at start; another node's is not. */
@DanganTest
class StaleJobLocksTest {

    @Autowired
    StaleJobLocks locks;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void locks_in_this_nodes_name_are_released_and_other_nodes_locks_kept() {
        // the digitisation process starts with an asynchronous job; it is never run here
        String mine = runtime.startProcessInstanceByKey(
                        "documentDigitisation",
                        Variables.createVariables().putValue("documentId", 0L).putValue("reviewers", "archivist-0"))
                .getId();
        String theirs = runtime.startProcessInstanceByKey(
                        "documentDigitisation",
                        Variables.createVariables().putValue("documentId", 0L).putValue("reviewers", "archivist-0"))
                .getId();
        Timestamp inHalfAnHour = Timestamp.from(Instant.now().plus(30, ChronoUnit.MINUTES));
        jdbc.update(
                "update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where PROCESS_INSTANCE_ID_ = ?",
                locks.nodeName(),
                inHalfAnHour,
                mine);
        jdbc.update(
                "update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where PROCESS_INSTANCE_ID_ = ?",
                "another-node",
                inHalfAnHour,
                theirs);

        assertThat(locks.release()).isEqualTo(1);

        assertThat(jdbc.queryForObject(
                        "select LOCK_OWNER_ from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", String.class, mine))
                .isNull();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(mine)
                        .executable()
                        .count())
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select LOCK_OWNER_ from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", String.class, theirs))
                .isEqualTo("another-node");
        runtime.deleteProcessInstance(mine, "test over");
        runtime.deleteProcessInstance(theirs, "test over");
    }
}
