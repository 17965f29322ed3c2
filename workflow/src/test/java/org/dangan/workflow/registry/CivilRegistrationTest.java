package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The civil registration's deaths and moves out of the province, applied to the register in bulk. */
@DanganTest
class CivilRegistrationTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    UserTasks userTasks;

    @Autowired
    AsUser asUser;

    @Autowired
    CivilRegistration civilRegistration;

    Fixtures.County county;
    HealthRecord dies;
    HealthRecord leaves;
    HealthRecord elsewhere;
    String stranger;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        dies = fixtures.record(county.a(), 1);
        leaves = fixtures.record(county.a(), 2);
        elsewhere = fixtures.record(county.b(), 7);
        stranger = Fixtures.idNumber(
                county.county().getCode().substring(0, 6), LocalDate.of(1990, 1, 1), Gender.FEMALE, 9);
    }

    private ResultActions apply(String user, String csv) throws Exception {
        return mvc.perform(post("/api/civil-registration")
                .with(httpBasic(county.user(user), Fixtures.PASSWORD))
                .contentType("text/csv")
                .content(csv));
    }

    private String statusOf(HealthRecord record) {
        return jdbc.queryForObject("select status from health_record where id = ?", String.class, record.getId());
    }

    @Test
    void deaths_and_moves_mark_the_records_of_the_archivists_institutions_and_the_rest_is_counted() throws Exception {
        // a second archivist of the township, to be told of the follow-ups archivist-a's upload starts
        accounts.create(
                county.user("archivist-a2"),
                Fixtures.PASSWORD,
                "甲档案员二",
                Role.ARCHIVIST,
                county.a().getId(),
                Set.of());
        String csv = "idNumber,event,date\n"
                + dies.getIdNumber() + ",DECEASED,2025-03-01\n"
                + leaves.getIdNumber() + ",moved_out,2025-06-01\n"
                + elsewhere.getIdNumber() + ",DECEASED,2025-01-01\n"
                + stranger + ",DECEASED,2025-02-02\n";
        apply("archivist-a", csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(4))
                .andExpect(jsonPath("$.deceased").value(1))
                .andExpect(jsonPath("$.movedOut").value(1))
                .andExpect(jsonPath("$.notFound.length()").value(2))
                .andExpect(jsonPath("$.notFound[1]").value(ResidentId.mask(stranger)))
                .andExpect(jsonPath("$.followUps").value(2));
        assertThat(statusOf(dies)).isEqualTo("DECEASED");
        assertThat(jdbc.queryForObject(
                        "select deceased_on from health_record where id = ?", LocalDate.class, dies.getId()))
                .isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(statusOf(leaves)).isEqualTo("MOVED_OUT");
        assertThat(statusOf(elsewhere)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'CIVIL_REGISTRATION'"
                                + " and subject_id in (?, ?)",
                        Integer.class,
                        dies.getRecordNumber(),
                        leaves.getRecordNumber()))
                .isEqualTo(2);
        // the archivists are told of the new follow-ups without the record number: with the event beside it
        // (and sent on by the webhook) it would name a resident's death
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where message_key = 'notification.taskUnnumbered'"
                                + " and recipient = ?",
                        Integer.class,
                        county.user("archivist-a2")))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where arguments like ? or arguments like ?",
                        Integer.class,
                        "%" + dies.getRecordNumber() + "%",
                        "%" + leaves.getRecordNumber() + "%"))
                .isZero();
        // each change waits for an archivist of the record to confirm it and close the record
        var death = tasks.createTaskQuery()
                .processDefinitionKey(CivilRegistration.FOLLOW_UP)
                .processInstanceBusinessKey(dies.getRecordNumber())
                .singleResult();
        assertThat(death.getTaskDefinitionKey()).isEqualTo("confirmDeath");
        assertThat(tasks.createTaskQuery()
                        .processDefinitionKey(CivilRegistration.FOLLOW_UP)
                        .processInstanceBusinessKey(leaves.getRecordNumber())
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("closeMovedOut");
        asUser.login(county.user("archivist-b"));
        Assertions.assertThatThrownBy(() ->
                        userTasks.complete(death.getProcessInstanceId(), "confirmDeath", Map.of("note", "见死亡医学证明")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.notYours"));
        // the county's checker sees township A's records, but closing them is the keepers' work
        asUser.login(county.user("county-checker"));
        Assertions.assertThatThrownBy(() ->
                        userTasks.complete(death.getProcessInstanceId(), "confirmDeath", Map.of("note", "见死亡医学证明")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.notYours"));
        assertThat(civilRegistration.followUps()).isEmpty();
        asUser.login(county.user("archivist-a"));
        assertThat(civilRegistration.followUps())
                .extracting(CivilRegistration.FollowUp::recordNumber)
                .containsExactlyInAnyOrder(dies.getRecordNumber(), leaves.getRecordNumber());
        Assertions.assertThatThrownBy(() -> userTasks.complete(death.getProcessInstanceId(), "confirmDeath", Map.of()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("followUp.noteRequired"));
        userTasks.complete(death.getProcessInstanceId(), "confirmDeath", Map.of("note", "见死亡医学证明"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'CIVIL_REGISTRATION'"
                                + " and subject_id = ? and detail like 'followed up%'",
                        Integer.class, dies.getRecordNumber()))
                .isOne();
        // the same file again changes nothing and starts nothing
        apply("archivist-a", csv)
                .andExpect(jsonPath("$.deceased").value(0))
                .andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.followUps").value(0));
    }

    @Test
    void a_file_with_a_wrong_line_is_refused_whole_naming_the_line_and_field() throws Exception {
        apply(
                        "archivist-a",
                        "idNumber,event,date\n" + dies.getIdNumber() + ",DECEASED,2025-03-01\n" + leaves.getIdNumber()
                                + ",MOVED_OUT,2025-13-01\n" + "110101199001011234,DECEASED,2025-01-01\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("civilRegistration.wrongLines"))
                .andExpect(jsonPath("$.message")
                        .value("2 行有误，整份未导入：第 3 行“日期”应写作 2024-05-31 这样的日期、" + "第 4 行“身份证号”不是有效的居民身份证号"));
        apply(
                        "archivist-a",
                        "idNumber,event,date\n" + dies.getIdNumber() + ",DECEASED,"
                                + LocalDate.now(ChinaTime.ZONE).plusDays(3) + "\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("第 2 行“日期”：死亡日期不能晚于今天")));
        assertThat(statusOf(dies)).isEqualTo("ACTIVE");
        apply("archivist-a", "id,what\n1,2\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("civilRegistration.header"))
                .andExpect(jsonPath("$.message").value("第 1 行：表头须为“身份证号,事件,日期”三列；整份未导入"));
        apply("archivist-a", "idNumber,event,date\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("civilRegistration.empty"));
        mvc.perform(post("/api/civil-registration")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD))
                        .header("Accept-Language", "en")
                        .contentType("text/csv")
                        .content("idNumber,event,date\n" + dies.getIdNumber() + ",GONE,2025-03-01\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message")
                        .value("1 lines are wrong; nothing was taken: line 2, event: DECEASED or MOVED_OUT"));
        apply("searcher-a", "idNumber,event,date\n" + dies.getIdNumber() + ",DECEASED,2025-03-01\n")
                .andExpect(status().isForbidden());
    }

    @Test
    void a_file_with_the_chinese_header_and_events_in_words_is_taken() throws Exception {
        // as a spreadsheet saves it: a byte order mark, the columns and events in Chinese
        apply(
                        "archivist-a",
                        "\uFEFF身份证号,事件,日期\n" + dies.getIdNumber() + ",死亡,2025-03-01\n" + leaves.getIdNumber()
                                + ",迁出,2025-04-01\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deceased").value(1))
                .andExpect(jsonPath("$.movedOut").value(1));
        assertThat(statusOf(leaves)).isEqualTo("MOVED_OUT");
        assertThat(jdbc.queryForObject(
                        "select deceased_on from health_record where id = ?", LocalDate.class, dies.getId()))
                .isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void an_archivist_without_the_whole_id_number_permission_cannot_probe_id_numbers() throws Exception {
        apply("archivist-b", "idNumber,event,date\n" + stranger + ",MOVED_OUT,2025-03-01\n")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("civilRegistration.forbidden"))
                .andExpect(jsonPath("$.notFound").doesNotExist());
        assertThat(statusOf(elsewhere)).isEqualTo("ACTIVE");
    }

    @Test
    void each_upload_is_audited_with_its_counts_and_the_keyed_hashes_of_the_numbers_not_found() throws Exception {
        apply("archivist-a", "idNumber,event,date\n" + stranger + ",MOVED_OUT,2025-03-01\n")
                .andExpect(status().isOk());
        String detail = jdbc.queryForObject(
                "select detail from audit_entry where action = 'CIVIL_REGISTRATION'"
                        + " and username = ? and subject_type = 'UPLOAD'",
                String.class,
                county.user("archivist-a"));
        assertThat(detail)
                .contains("lines=1")
                .contains("notFound=1")
                .contains("hmac:")
                .doesNotContain(stranger)
                .doesNotContain(stranger.substring(6, 14));
    }
}
