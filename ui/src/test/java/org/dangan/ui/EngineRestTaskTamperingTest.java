package org.dangan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.dangan.workflow.platform.EngineRestStart;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SelfChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a task's candidate can do to the task through the real {@code /engine-rest}: work it, not rewrite it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineRestTaskTamperingTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    SelfChecks selfChecks;

    @Autowired
    EngineRestStart engineRest;

    Fixtures.County county;
    String task;
    String taskPath;

    @BeforeEach
    void setUp() throws Exception {
        county = fixtures.county();
        fixtures.record(county.a(), 1);
        String started = selfChecks.open(county, county.a());
        task = tasks.createTaskQuery()
                .processInstanceId(started)
                .taskDefinitionKey("selfCheck")
                .singleResult()
                .getId();
        // tests give each engine a unique name; in production /engine-rest/task reaches the "default" engine
        taskPath = "/engine-rest/engine/" + engine.getName() + "/task/" + task;
        assertThat(send("POST", "/claim", "{\"userId\": \"" + county.user("archivist-a") + "\"}")
                        .statusCode())
                .isEqualTo(204);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + taskPath + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                (county.user("archivist-a") + ":" + Fixtures.PASSWORD)
                                                                        .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_engines_rest_api_is_started_when_the_node_is_ready_not_by_its_first_request() throws Exception {
        // true only if the servlet mapped at /engine-rest/* was found and loaded
        assertThat(engineRest.started().get(2, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void a_candidate_can_neither_rename_reassign_offer_nor_set_variables_on_its_task() throws Exception {
        assertThat(send("PUT", "", "{\"name\": \"已完成 Done\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/assignee", "{\"userId\": \"" + county.user("head-a") + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/identity-links",
                                "{\"groupId\": \"archivist-" + county.b().getCode() + "\", \"type\": \"candidate\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/variables",
                                "{\"modifications\": {\"city\": {\"value\": \""
                                        + county.a().getCode() + "\", \"type\": \"String\"}}}")
                        .statusCode())
                .isEqualTo(403);
        var task = tasks.createTaskQuery().taskId(this.task).singleResult();
        assertThat(task.getAssignee()).isEqualTo(county.user("archivist-a"));
        assertThat(task.getName()).isNotEqualTo("已完成 Done");
        assertThat(tasks.getVariable(this.task, "city")).isNotEqualTo(county.a().getCode());
    }

    @Test
    void a_completion_with_foreign_or_byte_variables_is_refused_and_a_plain_one_goes_through() throws Exception {
        HttpResponse<String> city = send(
                "POST",
                "/complete",
                "{\"variables\": {\"city\": {\"value\": \"" + county.a().getCode() + "\", \"type\": \"String\"}}}");
        assertThat(city.statusCode()).as(city.body()).isEqualTo(400);
        // the refusal in Chinese, the key for a client beside it
        assertThat(JsonPath.<String>read(city.body(), "$.message")).contains("不接受变量city", "[task.variableUnknown]");
        String bytes = Base64.getEncoder().encodeToString(new byte[14 * 1024 * 1024]);
        assertThat(send(
                                "POST",
                                "/complete",
                                "{\"variables\": {\"scan\": {\"value\": \"" + bytes + "\", \"type\": \"Bytes\"}}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();

        assertThat(send("POST", "/complete", "{}").statusCode()).isEqualTo(204);
        assertThat(JsonPath.<List<String>>read(
                        HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                        + "/engine-rest/engine/" + engine.getName()
                                                        + "/task?taskDefinitionKey=headSignOff&candidateGroup=supervisor-"
                                                        + county.a().getCode()))
                                                .header(
                                                        "Authorization",
                                                        "Basic "
                                                                + Base64.getEncoder()
                                                                        .encodeToString((county.user("head-a") + ":"
                                                                                        + Fixtures.PASSWORD)
                                                                                .getBytes(StandardCharsets.UTF_8)))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body(),
                        "$[*].taskDefinitionKey"))
                .containsExactly("headSignOff");
    }

    @Test
    void a_candidate_can_neither_skip_its_task_by_a_bpmn_error_nor_claim_it_for_someone_else() throws Exception {
        // a trailing slash got past the URL rule once (the engine still refused, with 500)
        // nor clear a claim by "resolving" a delegation no process of ours makes
        for (String event :
                List.of("/bpmnError", "/bpmnEscalation", "/bpmnError/", "/bpmnEscalation/", "/resolve", "/delegate")) {
            HttpResponse<String> thrown = send(
                    "POST",
                    event,
                    "{\"errorCode\": \"skip\", \"escalationCode\": \"skip\","
                            + " \"variables\": {\"blob\": {\"value\": \"AAAA\", \"type\": \"Bytes\"}}}");
            assertThat(thrown.statusCode()).as(event + " " + thrown.body()).isEqualTo(403);
        }
        tasks.setAssignee(task, null);
        HttpResponse<String> claim = send("POST", "/claim", "{\"userId\": \"" + county.user("archivist-b") + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(400);
        assertThat(JsonPath.<String>read(claim.body(), "$.message")).contains("您只能为自己认领任务 [task.claimForOther]");
        var selfCheck = tasks.createTaskQuery().taskId(task).singleResult();
        assertThat(selfCheck.getTaskDefinitionKey()).isEqualTo("selfCheck");
        assertThat(selfCheck.getAssignee()).isNull();
        assertThat(tasks.getVariable(task, "blob")).isNull();
    }
}
