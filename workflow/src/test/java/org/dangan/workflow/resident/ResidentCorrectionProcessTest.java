package org.dangan.workflow.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangan.workflow.resident.ResidentRecordApiTest.resident;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A resident's correction request end to end: filed by the resident, answered in the archivist's
 * inbox (refused with a reason, or corrected through the registry), a new phone number stored only
 * once the resident enters the code sent to it; another resident never reaches it.
 */
@DanganTest
class ResidentCorrectionProcessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ResidentCorrections corrections;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    Records records;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AsUser asUser;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord mine;
    HealthRecord theirs;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        mine = fixtures.record(county.a(), 1);
        theirs = fixtures.record(county.a(), 2);
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private long submit(HealthRecord record, String field, String note, String newValue) throws Exception {
        String body = mvc.perform(post("/api/resident/corrections")
                        .with(resident(record))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"field": "%s", "note": "%s", "newValue": "%s"}""".formatted(field, note, newValue)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResidentCorrections.Request inInbox(long id, String archivist) {
        Task task = tasks.createTaskQuery()
                .processDefinitionKey(ResidentCorrections.PROCESS)
                .processInstanceBusinessKey(Long.toString(id))
                .singleResult();
        assertThat(task).as("task of request #%d", id).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(l -> l.getGroupId())
                .contains("archivist-" + county.a().getCode());
        asUser.login(county.user(archivist));
        return corrections.requestOf(task.getId());
    }

    private String state(HealthRecord record, long id) throws Exception {
        String body = mvc.perform(get("/api/resident/corrections").with(resident(record)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> states = JsonPath.read(body, "$.items[?(@.id == " + id + ")].state");
        return states.isEmpty() ? null : states.get(0);
    }

    @Test
    void an_archivist_refuses_with_a_reason_the_resident_reads() throws Exception {
        long id = submit(mine, "ADDRESS", "门牌号写错了", "测试路9号");
        ResidentCorrections.Request request = inInbox(id, "archivist-a");
        assertThat(request.recordNumber()).isEqualTo(mine.getRecordNumber());
        assertThat(request.proposedValue()).isEqualTo("测试路9号");
        assertThatThrownBy(() -> corrections.refuse(request, " "))
                .isInstanceOfSatisfying(
                        Refused.class, e -> assertThat(e.key()).isEqualTo("residentCorrection.reasonRequired"));
        corrections.refuse(request, "户籍登记地址即为档案地址");
        AsUser.logout();
        mvc.perform(get("/api/resident/corrections").with(resident(mine)))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].state").value("REFUSED"))
                .andExpect(jsonPath("$.items[0].answer").value("户籍登记地址即为档案地址"));
        assertThat(records.ofResident(mine.getId()).address()).isEqualTo("测试地址1");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ResidentCorrections.PROCESS)
                        .processInstanceBusinessKey(Long.toString(id))
                        .finished()
                        .count())
                .isOne();
    }

    @Test
    void an_archivist_corrects_an_address_through_the_registry() throws Exception {
        long id = submit(mine, "ADDRESS", "搬家了", "新村路1号");
        assertThatThrownBy(() -> inInbox(id, "archivist-b"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
        ResidentCorrections.Request request = inInbox(id, "archivist-a");
        corrections.correct(request, "新村路1号");
        assertThat(records.ofResident(mine.getId()).address()).isEqualTo("新村路1号");
        assertThat(records.trail(mine.getRecordNumber()))
                .extracting(AuditEntry::getAction)
                .contains(AuditAction.RECORD_CHANGED);
        AsUser.logout();
        assertThat(state(mine, id)).isEqualTo("CORRECTED");
        assertThat(auditLog.trailOf("RECORD", mine.getRecordNumber(), 50))
                .filteredOn(e -> e.getAction() == AuditAction.RESIDENT_CORRECTION)
                .extracting(AuditEntry::getUsername)
                .containsExactly("resident:" + mine.getRecordNumber());
    }

    @Test
    void a_new_phone_is_stored_only_after_the_code_sent_to_it() throws Exception {
        long id = submit(mine, "PHONE", "换了手机号", "13911112222");
        corrections.correct(inInbox(id, "archivist-a"), "13911112222");
        AsUser.logout();
        assertThat(state(mine, id)).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(records.ofResident(mine.getId()).phone()).isEqualTo("13800000000");
        List<SmsGateway.Message> sent = SmsGateway.to("13911112222");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).templateId()).isEqualTo("phone-confirmation");
        String code = sent.get(0).parameters().get("code");
        assertThat(code).matches("\\d{6}");
        String wrong = code.equals("000000") ? "111111" : "000000";

        mvc.perform(post("/api/resident/corrections/" + id + "/confirm")
                        .with(resident(theirs))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/resident/corrections/" + id + "/confirm")
                        .with(resident(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + wrong + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("residentCorrection.codeWrong"));
        assertThat(records.ofResident(mine.getId()).phone()).isEqualTo("13800000000");
        mvc.perform(post("/api/resident/corrections/" + id + "/confirm")
                        .with(resident(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CORRECTED"));
        assertThat(records.ofResident(mine.getId()).phone()).isEqualTo("13911112222");
        assertThat(state(mine, id)).isEqualTo("CORRECTED");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ResidentCorrections.PROCESS)
                        .processInstanceBusinessKey(Long.toString(id))
                        .finished()
                        .count())
                .isOne();
        // a used code does not confirm again
        mvc.perform(post("/api/resident/corrections/" + id + "/confirm")
                        .with(resident(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void a_request_is_refused_without_a_note_or_with_an_unknown_field_and_another_residents_is_unseen()
            throws Exception {
        for (String body : List.of(
                "{\"field\": \"PHONE\", \"note\": \" \"}",
                "{\"field\": \"PHONE\", \"note\": \"" + "长".repeat(501) + "\"}",
                "{\"field\": \"ADDRESS\", \"note\": \"错\", \"newValue\": \"" + "长".repeat(201) + "\"}",
                "{\"field\": \"ID_NUMBER\", \"note\": \"错\"}",
                "{\"field\": \"phone\", \"note\": \"错\"}",
                "{\"field\": \"PHONE\", \"note\": \"换号\", \"newValue\": \"abc\"}",
                "{\"field\": \"PHONE\", \"note\": \"换号\", \"newValue\": \"2391111222\"}")) {
            mvc.perform(post("/api/resident/corrections")
                            .with(resident(mine))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest());
        }
        long id = submit(theirs, "NAME", "名字写错", "测试二");
        assertThat(state(mine, id)).isNull();
        mvc.perform(get("/api/resident/corrections").with(resident(mine)))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void a_resident_who_comes_back_late_asks_for_another_code_and_confirms_with_it() throws Exception {
        long id = submit(mine, "PHONE", "换了手机号", "139 1111 3333");
        corrections.correct(inInbox(id, "archivist-a"), "139-1111-3333");
        AsUser.logout();
        String first = SmsGateway.to("13911113333").get(0).parameters().get("code");

        mvc.perform(post("/api/resident/corrections/" + id + "/resend").with(resident(mine)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.details.key").value("residentCorrection.resendTooSoon"));
        mvc.perform(post("/api/resident/corrections/" + id + "/resend").with(resident(theirs)))
                .andExpect(status().isNotFound());
        // eleven minutes later: the first code has expired
        jdbc.update(
                "update resident_correction set code_expires_at = :at where id = :id",
                new MapSqlParameterSource("at", Timestamp.from(Instant.now().minusSeconds(60))).addValue("id", id));
        mvc.perform(post("/api/resident/corrections/" + id + "/resend").with(resident(mine)))
                .andExpect(status().isAccepted());
        List<SmsGateway.Message> sent = SmsGateway.to("13911113333");
        assertThat(sent).hasSize(2);
        String second = sent.get(1).parameters().get("code");
        if (!second.equals(first)) {
            mvc.perform(post("/api/resident/corrections/" + id + "/confirm")
                            .with(resident(mine))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\": \"" + first + "\"}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/resident/corrections/" + id + "/confirm")
                        .with(resident(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + second + "\"}"))
                .andExpect(status().isOk());
        assertThat(records.ofResident(mine.getId()).phone()).isEqualTo("13911113333");
    }

    @Test
    void requests_sent_at_once_still_leave_at_most_three_open() throws Exception {
        int sent = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sent);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < sent; i++) {
                String note = "同时提交" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return refusedOther(mine, note).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(ResidentCorrections.MAX_OPEN);
            assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409);
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(get("/api/resident/corrections").with(resident(mine)))
                .andExpect(jsonPath("$.items.length()").value(ResidentCorrections.MAX_OPEN));
    }

    @Test
    void control_characters_and_invisible_marks_are_dropped_from_what_a_resident_types() throws Exception {
        long id = submit(mine, "NAME", "名\\u0000字\\u202e错\\u200b了", "王\\u0007秀英");
        mvc.perform(get("/api/resident/corrections").with(resident(mine)))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].note").value("名字错了"))
                .andExpect(jsonPath("$.items[0].proposedValue").value("王秀英"));
    }

    @Test
    void a_resident_has_at_most_three_open_requests_and_ten_in_thirty_days() throws Exception {
        ArrayDeque<Long> open = new ArrayDeque<>();
        for (int i = 0; i < ResidentCorrections.MAX_OPEN; i++) {
            open.add(submit(mine, "OTHER", "第" + i + "处有误", ""));
        }
        refusedOther(mine, "还有一处")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.details.key").value("residentCorrection.tooManyOpen"));
        // another resident is not held back by this one's requests
        submit(theirs, "OTHER", "有误", "");

        // an answered request frees a place, but not beyond ten in thirty days
        for (int filed = ResidentCorrections.MAX_OPEN; filed < ResidentCorrections.MAX_PER_30_DAYS; filed++) {
            refuse(open.poll());
            open.add(submit(mine, "OTHER", "第" + filed + "处有误", ""));
        }
        while (!open.isEmpty()) {
            refuse(open.poll());
        }
        refusedOther(mine, "第十一处")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.details.key").value("residentCorrection.tooMany"));
    }

    private ResultActions refusedOther(HealthRecord record, String note) throws Exception {
        return mvc.perform(post("/api/resident/corrections")
                .with(resident(record))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"field\": \"OTHER\", \"note\": \"" + note + "\"}"));
    }

    private void refuse(long id) {
        corrections.refuse(inInbox(id, "archivist-a"), "已核对，无误");
        AsUser.logout();
    }
}
