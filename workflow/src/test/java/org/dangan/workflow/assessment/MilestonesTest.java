package org.dangan.workflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The county's work plan (issue 20, item 4): who sets milestones and for which institutions; a
 * milestone whose day passes first becomes a task for the county's supervisors; one whose
 * indicator reaches 100 % in a snapshot ends without a task.
 */
@DanganTest
class MilestonesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Milestones milestones;

    @Autowired
    IndicatorComputation computation;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    AsUser asUser;

    Fixtures.County county;
    LocalDate today;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        today = LocalDate.now(ChinaTime.ZONE);
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    @Test
    void only_county_supervisors_set_milestones_of_their_primary_care_institutions_on_days_to_come() {
        asUser.login(county.user("head-a"));
        assertThatThrownBy(() -> milestones.set(county.a().getCode(), Milestone.Kind.PAPER_STOPPED, today.plusDays(9)))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.countyOnly"));
        asUser.login(county.user("archivist-a"));
        assertThatThrownBy(() -> milestones.of(county.a().getCode()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo(Refused.Kind.FORBIDDEN));

        asUser.login(county.user("county-supervisor"));
        assertThatThrownBy(() -> milestones.set(county.county().getCode(), Milestone.Kind.PAPER_STOPPED, today))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.primaryCareOnly"));
        assertThatThrownBy(() -> milestones.set(county.a().getCode(), Milestone.Kind.PAPER_STOPPED, today.minusDays(1)))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.dayPast"));
        Fixtures.County other = fixtures.county();
        assertThatThrownBy(() -> milestones.set(other.a().getCode(), Milestone.Kind.PAPER_STOPPED, today))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo(Refused.Kind.NOT_FOUND));

        Milestones.View set = milestones.set(county.a().getCode(), Milestone.Kind.PAPER_STOPPED, today.plusDays(9));
        assertThat(set.state()).isEqualTo(Milestone.State.OPEN);
        // moving the day replaces the waiting process: one timer, on the new day
        milestones.set(county.a().getCode(), Milestone.Kind.PAPER_STOPPED, today.plusDays(20));
        assertThat(milestones.of(county.county().getCode()))
                .singleElement()
                .satisfies(m -> assertThat(m.dueOn()).isEqualTo(today.plusDays(20)));
        assertThat(timers(set.id())).hasSize(1);

        asUser.login(county.user("head-a"));
        assertThat(milestones.of(county.a().getCode())).hasSize(1);
        asUser.login(county.user("head-b"));
        assertThat(milestones.of(county.b().getCode())).isEmpty();
    }

    @Test
    void a_milestone_whose_day_passes_first_becomes_a_task_for_the_county_supervisor() {
        asUser.login(county.user("county-supervisor"));
        Milestones.View set = milestones.set(county.b().getCode(), Milestone.Kind.SCANNING_FINISHED, today);
        List<Job> timers = timers(set.id());
        assertThat(timers).hasSize(1);
        management.executeJob(timers.get(0).getId());

        Task task = tasks.createTaskQuery()
                .processDefinitionKey(Milestones.PROCESS)
                .processInstanceBusinessKey(Long.toString(set.id()))
                .singleResult();
        assertThat(task).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(l -> l.getGroupId())
                .contains("supervisor-" + county.county().getCode());
        Milestones.View overdue = milestones.ofTask(task.getId());
        assertThat(overdue.institutionName()).isEqualTo(county.b().getName());

        asUser.login(county.user("head-b"));
        assertThatThrownBy(() -> milestones.handle(task.getId(), "已督促"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.countyOnly"));
        asUser.login(county.user("county-supervisor"));
        assertThatThrownBy(() -> milestones.handle(task.getId(), " "))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.noteRequired"));
        milestones.handle(task.getId(), "已督促乙镇，延期一个月");
        assertThat(milestones.of(county.b().getCode()))
                .singleElement()
                .satisfies(m -> assertThat(m.handledNote()).isEqualTo("已督促乙镇，延期一个月"));
        assertThat(finished(set.id())).isTrue();
    }

    @Test
    void a_milestone_whose_indicator_comes_to_100_percent_is_reached_without_a_task() {
        HealthRecord record = fixtures.record(county.a(), 1);
        asUser.login(county.user("county-supervisor"));
        Milestones.View set = milestones.set(county.a().getCode(), Milestone.Kind.PAPER_STOPPED, today.plusDays(30));
        computation.computeNow();
        assertThat(milestones.of(county.a().getCode()).get(0).state()).isEqualTo(Milestone.State.OPEN);

        jdbc.update(
                "update paper_file set state = 'RETIRED_PAPER' where record_id = :r",
                new MapSqlParameterSource("r", record.getId()));
        try {
            computation.computeNow();
        } finally {
            // behind the ledger's back: taken back, so the register-against-ledger checks of other tests hold
            jdbc.update(
                    "update paper_file set state = 'RECEIVED' where record_id = :r",
                    new MapSqlParameterSource("r", record.getId()));
        }
        Milestones.View reached = milestones.of(county.a().getCode()).get(0);
        assertThat(reached.state()).isEqualTo(Milestone.State.REACHED);
        assertThat(reached.reachedOn()).isEqualTo(today);
        assertThat(reached.markedByHand()).isFalse();
        assertThat(finished(set.id())).isTrue();
        assertThat(timers(set.id())).isEmpty();
        assertThatThrownBy(() -> milestones.set(county.a().getCode(), Milestone.Kind.PAPER_STOPPED, today.plusDays(40)))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.alreadyReached"));
    }

    @Test
    void a_milestone_marked_reached_by_hand_says_so_and_who_marked_it() {
        asUser.login(county.user("county-supervisor"));
        Milestones.View set =
                milestones.set(county.a().getCode(), Milestone.Kind.SCANNING_FINISHED, today.plusDays(30));
        Milestones.View marked = milestones.markReached(set.id());
        assertThat(marked.state()).isEqualTo(Milestone.State.REACHED);
        assertThat(marked.markedByHand()).isTrue();
        assertThat(marked.reachedBy()).isEqualTo(county.user("county-supervisor"));
        assertThat(milestones.of(county.a().getCode()).get(0).markedByHand()).isTrue();
        assertThat(finished(set.id())).isTrue();
        assertThatThrownBy(() -> milestones.markReached(set.id()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.key()).isEqualTo("milestone.alreadyReached"));
    }

    private List<Job> timers(long milestone) {
        return management.createJobQuery().processDefinitionKey(Milestones.PROCESS).timers().list().stream()
                .filter(j -> history.createHistoricProcessInstanceQuery()
                        .processInstanceId(j.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()
                        .equals(Long.toString(milestone)))
                .toList();
    }

    private boolean finished(long milestone) {
        return history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(Milestones.PROCESS)
                        .processInstanceBusinessKey(Long.toString(milestone))
                        .unfinished()
                        .count()
                == 0;
    }
}
