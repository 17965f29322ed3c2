package org.dangan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.dangan.ui.support.ServerHttp;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.SecurityHeaders;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SelfChecks;
import org.dangan.workflow.verification.Campaigns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine's REST API and webapps, served by the real server: administrators, and people for their own tasks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService management;

    @Autowired
    Campaigns campaigns;

    @Autowired
    AsUser asUser;

    @Autowired
    SelfChecks selfChecks;

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_screens_send_their_content_security_policy_and_the_camunda_webapps_keep_their_own() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityHeaders.SCREENS_POLICY);
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(login.headers().firstValue("X-Request-Id")).isPresent();
        // without TLS no HSTS (a browser would remember it for a year)
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> cockpit = get("/camunda/app/welcome/default/", null);
        assertThat(cockpit.headers().allValues("Content-Security-Policy"))
                .noneMatch(p -> p.equals(SecurityHeaders.SCREENS_POLICY));
    }

    @Test
    void engine_rest_answers_the_admin_and_refuses_an_archivist() throws Exception {
        Fixtures.County county = fixtures.county();
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());

        HttpResponse<String> admin = get("/engine-rest/engine", county.user("admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"name\"");
        assertThat(get("/engine-rest/engine", county.user("archivist-a")).statusCode())
                .isEqualTo(403);
        assertThat(get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
    }

    @Test
    void people_work_their_own_campaign_tasks_through_engine_rest_and_see_no_one_elses() throws Exception {
        Fixtures.County county = fixtures.county();
        fixtures.record(county.a(), 1);
        fixtures.record(county.b(), 101);
        asUser.login(county.user("county-supervisor"));
        String process;
        try {
            process = campaigns
                    .start(new Campaigns.StartRequest(
                            List.of(county.a().getCode(), county.b().getCode()),
                            LocalDate.now().plusDays(30),
                            null,
                            1L))
                    .getProcessInstanceId();
        } finally {
            AsUser.logout();
        }
        for (var jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list();
                !jobs.isEmpty();
                jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }

        // tests give each engine a unique name; in production /engine-rest/task reaches the "default" engine
        String tasks = "/engine-rest/engine/" + engine.getName() + "/task";
        HttpResponse<String> mine = get(tasks + "?processInstanceId=" + process, county.user("archivist-a"));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(mine.body(), "$[*].taskDefinitionKey"))
                .containsExactly("selfCheck");
        String taskId = JsonPath.<List<String>>read(mine.body(), "$[*].id").get(0);
        assertThat(JsonPath.<List<String>>read(
                        get(tasks + "?processInstanceId=" + process, county.user("archivist-b"))
                                .body(),
                        "$[*].id"))
                .singleElement()
                .isNotEqualTo(taskId);
        assertThat(get(tasks + "?processInstanceId=" + process, county.user("searcher-a"))
                        .statusCode())
                .isEqualTo(403);
        // another township's archivist cannot complete it; its own can
        assertThat(post(tasks + "/" + taskId + "/complete", county.user("archivist-b"))
                        .statusCode())
                .isNotEqualTo(204);
        assertThat(post(
                                tasks + "/" + taskId + "/claim",
                                county.user("archivist-a"),
                                "{\"userId\": \"" + county.user("archivist-a") + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(post(tasks + "/" + taskId + "/complete", county.user("archivist-a"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(JsonPath.<List<String>>read(
                        get(tasks + "?processInstanceId=" + process, county.user("head-a"))
                                .body(),
                        "$[*].taskDefinitionKey"))
                .containsExactly("headSignOff");
    }

    @Test
    void camundas_own_queries_name_an_archivists_groups_and_the_tasks_offered_to_them() throws Exception {
        Fixtures.County county = fixtures.county();
        String admin = county.user("admin");
        users.create(
                admin, Fixtures.PASSWORD, "管理员", Role.ADMIN, county.county().getId(), Set.of());
        fixtures.record(county.a(), 1);
        String process = selfChecks.open(county, county.a());
        // tests give each engine a unique name; in production /engine-rest/... reaches the "default" engine
        String engineRest = "/engine-rest/engine/" + engine.getName();

        HttpResponse<String> groups = get(engineRest + "/group?member=" + county.user("archivist-a"), admin);
        assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(groups.body(), "$[*].id"))
                .contains("archivist", "archivist-" + county.a().getCode());
        for (String asker : new String[] {admin, county.user("archivist-a")}) {
            HttpResponse<String> offered = get(
                    engineRest + "/task?processInstanceId=" + process + "&candidateUser=" + county.user("archivist-a"),
                    asker);
            assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(offered.body(), "$[*].taskDefinitionKey"))
                    .as(asker)
                    .containsExactly("selfCheck");
        }
        assertThat(JsonPath.<List<String>>read(
                        get(
                                        engineRest + "/task?processInstanceId=" + process + "&candidateUser="
                                                + county.user("archivist-b"),
                                        admin)
                                .body(),
                        "$[*].id"))
                .isEmpty();
        // the groups themselves are for administrators, as the rest of the engine's API
        assertThat(get(engineRest + "/group?member=" + county.user("archivist-a"), county.user("archivist-a"))
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> post(String path, String user) throws Exception {
        return post(path, user, "{}");
    }

    private HttpResponse<String> post(String path, String user, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((user + ":" + Fixtures.PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient loggedIn(String user) throws Exception {
        return new ServerHttp(port).loggedIn(user);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_screens_login_opens_cockpit_for_the_admin_without_a_second_login() throws Exception {
        Fixtures.County county = fixtures.county();
        String admin = county.user("admin");
        users.create(
                admin, Fixtures.PASSWORD, "管理员", Role.ADMIN, county.county().getId(), Set.of());
        HttpClient client = loggedIn(admin);

        // tests give each engine a unique name; in production it is "default"
        HttpResponse<String> cockpit = get(client, "/camunda/app/cockpit/" + engine.getName() + "/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("<title>Camunda Cockpit</title>");
        HttpResponse<String> who = get(client, "/camunda/api/admin/auth/user/" + engine.getName());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"" + admin + "\"").contains("cockpit");
    }

    @Test
    void an_archivist_logged_in_to_the_screens_is_refused_the_webapps() throws Exception {
        Fixtures.County county = fixtures.county();
        HttpClient client = loggedIn(county.user("archivist-a"));
        assertThat(get(client, "/camunda/app/cockpit/" + engine.getName() + "/").statusCode())
                .isEqualTo(403);
        assertThat(get(client, "/camunda/api/admin/auth/user/" + engine.getName())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_webapps_send_an_anonymous_visitor_to_the_login() throws Exception {
        HttpResponse<String> response = get("/camunda/app/cockpit/default/", null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
