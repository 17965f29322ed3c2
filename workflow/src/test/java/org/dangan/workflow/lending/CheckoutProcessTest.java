package org.dangan.workflow.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The check-out process on the real engine: approved, out and back; refused; four eyes; due and escalated. */
@DanganTest
class CheckoutProcessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    Fixtures.County county;
    String file;
    Box box;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        file = record.getRecordNumber() + "-01";
        box = fixtures.box(county.a(), 7);
        registry.store(file, box.getBarcode());
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    private long request(String user, LocalDate until) throws Exception {
        String body = mvc.perform(post("/api/checkouts")
                        .with(as(user))
                        .contentType("application/json")
                        .content("{\"fileNumbers\": [\"" + file + "\"], \"purpose\": \"医疗纠纷核查\", \"until\": \"" + until
                                + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.processInstanceId").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String state() {
        return jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, file);
    }

    @Autowired
    AsUser asUser;

    @Autowired
    Checkouts checkouts;

    @Test
    void the_screens_are_told_who_decides_and_who_takes_files_back_by_the_rule_the_steps_apply() {
        try {
            asUser.login(county.user("head-a"));
            assertThat(checkouts.mayDecide()).isTrue();
            assertThat(checkouts.mayTakeBack()).isFalse();
            asUser.login(county.user("archivist-a"));
            assertThat(checkouts.mayDecide()).isFalse();
            assertThat(checkouts.mayTakeBack()).isTrue();
        } finally {
            AsUser.logout();
        }
    }

    @Test
    void approved_files_go_out_and_come_back_with_custody_entries_for_each_step() throws Exception {
        long id = request("archivist-a", LocalDate.now(ChinaTime.ZONE).plusDays(14));
        mvc.perform(get("/api/checkouts/" + id).with(as("head-a")))
                .andExpect(jsonPath("$.state").value("REQUESTED"));
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"approved\": true}"))
                .andExpect(status().isNoContent());

        assertThat(state()).isEqualTo("CHECKED_OUT");
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, file)).isEmpty();
        mvc.perform(get("/api/checkouts/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("OUT"))
                .andExpect(jsonPath("$.decidedBy").value(county.user("head-a")))
                .andExpect(jsonPath("$.files[0].currentPlace").doesNotExist());
        mvc.perform(get("/api/paper-files/" + file + "/custody").with(as("archivist-a")))
                .andExpect(jsonPath("$.events[2].event").value("CHECKED_OUT"))
                .andExpect(jsonPath("$.events[2].to").value(county.user("archivist-a")));
        // out already: no second check-out
        mvc.perform(post("/api/checkouts")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"fileNumbers\": [\"" + file + "\"], \"purpose\": \"再次\", \"until\": \""
                                + LocalDate.now(ChinaTime.ZONE) + "\"}"))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/checkouts/" + id + "/return").with(as("archivist-a")))
                .andExpect(status().isNoContent());
        assertThat(state()).isEqualTo("STORED");
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, file))
                .contains(box.getBarcode().value());
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, file))
                .extracting(e -> e.event())
                .containsExactly(
                        CustodyEvent.RECEIVED, CustodyEvent.STORED, CustodyEvent.CHECKED_OUT, CustodyEvent.RETURNED);
        mvc.perform(get("/api/checkouts/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("RETURNED"));
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void a_refusal_needs_a_reason_and_leaves_the_files_where_they_are() throws Exception {
        long id = request("archivist-a", LocalDate.now(ChinaTime.ZONE).plusDays(3));
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"approved\": false}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"approved\": false, \"reason\": \"目的不明\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/checkouts/" + id).with(as("head-a")))
                .andExpect(jsonPath("$.state").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason").value("目的不明"));
        assertThat(state()).isEqualTo("STORED");
    }

    @Test
    void the_requester_may_not_decide_and_only_the_institutions_supervisor_may() throws Exception {
        long id = request("head-a", LocalDate.now(ChinaTime.ZONE).plusDays(3));
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"approved\": true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("双人原则")));
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"approved\": true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("head-b"))
                        .contentType("application/json")
                        .content("{\"approved\": true}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/checkouts/" + id).with(as("head-a")))
                .andExpect(jsonPath("$.state").value("REQUESTED"));
        assertThat(state()).isEqualTo("STORED");
    }

    @Test
    void files_not_back_when_due_are_marked_overdue_and_the_supervisors_follow_them_up() throws Exception {
        LocalDate until = LocalDate.now(ChinaTime.ZONE);
        long id = request("archivist-a", until);
        mvc.perform(post("/api/checkouts/" + id + "/decision")
                        .with(as("head-a"))
                        .contentType("application/json")
                        .content("{\"approved\": true}"))
                .andExpect(status().isNoContent());
        String process =
                jdbc.queryForObject("select process_instance_id from paper_checkout where id = ?", String.class, id);
        var timer =
                management.createJobQuery().processInstanceId(process).timers().singleResult();
        // due at the end of the day it was promised for, China time
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(until.plusDays(1)
                        .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant());
        management.executeJob(timer.getId()); // the day has come
        mvc.perform(get("/api/checkouts/" + id).with(as("head-a")))
                .andExpect(jsonPath("$.overdue").value(true));
        var followUp = tasks.createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey("followUp")
                .singleResult();
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("supervisor-" + county.a().getCode());
        // still open: the files can come back late
        mvc.perform(post("/api/checkouts/" + id + "/return").with(as("archivist-a")))
                .andExpect(status().isNoContent());
        assertThat(state()).isEqualTo("STORED");
    }
}
