package org.dangan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dangan.ui.support.ServerHttp;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API as the whole server answers it, Vaadin's servlet included (issue 18, items 4 and 7): an
 * unknown address under {@code /api} is a JSON 404, never the screens' page; the API's reference and
 * its Swagger UI, scripts and styles included, load for an administrator and for no one else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiOverHttpTest {

    private static final List<String> UNKNOWN = List.of(
            "/api/indicatorz",
            "/api/x.json",
            "/api/records/abc/def/ghi",
            "/api/records/abc/def/ghi.pdf",
            "/api/campaigns/1/nothing",
            "/api/");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    ServerHttp http;
    Fixtures.County county;
    String admin;

    @BeforeEach
    void setUp() {
        http = new ServerHttp(port);
        county = fixtures.county();
        admin = county.user("admin");
        users.create(
                admin, Fixtures.PASSWORD, "管理员", Role.ADMIN, county.county().getId(), Set.of());
    }

    @Test
    void an_unknown_api_address_answers_a_json_404_to_any_method_of_a_logged_in_caller() throws Exception {
        for (String path : UNKNOWN) {
            for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"}) {
                HttpResponse<String> response = http.send(http.request(path, county.user("archivist-a"))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(method + " " + path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                assertThat(JsonPath.<String>read(response.body(), "$.details.key"))
                        .isEqualTo("error.noSuchApi");
                assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(404);
            }
            HttpResponse<String> head = http.send(
                    http.request(path, county.user("archivist-a")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(404);
        }
        // an administrator and an auditor alike: no role sees the screens' page there
        for (String user : new String[] {admin, county.user("auditor"), county.user("searcher-a")}) {
            HttpResponse<String> response = http.send(http.request("/api/indicatorz", user));
            assertThat(response.statusCode()).as(user).isEqualTo(404);
            assertThat(response.body()).doesNotContain("<html", "<!doctype");
        }
    }

    @Test
    void an_unknown_api_address_asks_an_anonymous_caller_to_log_in_and_never_shows_the_screens_page() throws Exception {
        for (String path : UNKNOWN) {
            HttpResponse<String> anonymous = http.send(http.request(path));
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("<html", "<!doctype");
        }
        // the screens' session is not a login for the API (Basic only): refused, not the page
        HttpClient browser = http.loggedIn(county.user("archivist-a"));
        HttpResponse<String> inBrowser = ServerHttp.send(browser, http.request("/api/indicatorz"));
        assertThat(inBrowser.statusCode()).isIn(401, 404);
        assertThat(inBrowser.body()).doesNotContain("<html", "<!doctype");
    }

    @Test
    void a_path_the_firewall_refuses_is_a_json_400_and_a_wrong_method_a_405_never_the_login_form() throws Exception {
        for (String path : List.of(
                "/api//records",
                "/api/records;jsessionid=1",
                "/api/records/%2e%2e/campaigns",
                "//api/records",
                "/api;x/records",
                "/./api/records",
                "/%2e/api/records",
                "/engine-rest//task",
                "/engine-rest/task;x")) {
            HttpResponse<String> refused = http.send(http.request(path, county.user("archivist-a")));
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(JsonPath.<String>read(refused.body(), "$.details.key")).isEqualTo("error.badRequest");
            assertThat(JsonPath.<String>read(refused.body(), "$.message")).isEqualTo("请求有误");
            // a user's report of the refusal leads to its log lines like any other request's
            assertThat(refused.headers().firstValue("X-Request-Id"))
                    .as(path)
                    .hasValueSatisfying(
                            id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        }
        HttpResponse<String> wrongMethod = http.send(http.request("/api/stocktakes", county.user("archivist-a"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(JsonPath.<String>read(wrongMethod.body(), "$.details.key")).isEqualTo("error.method");
        // the service goes on answering
        assertThat(http.send(http.request("/api/records", county.user("archivist-a")))
                        .statusCode())
                .isEqualTo(200);
        // no credentials: a 401 that says to log in, not "bad request"
        HttpResponse<String> anonymous = http.send(http.request("/api/records", null));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JsonPath.<String>read(anonymous.body(), "$.details.key")).isEqualTo("error.unauthenticated");
        assertThat(JsonPath.<String>read(anonymous.body(), "$.message")).startsWith("请先登录");
    }

    @Test
    void what_tomcat_refuses_before_the_application_is_a_json_400_in_chinese_never_its_html_page() throws Exception {
        for (String path : List.of(
                "/api/records/a%2Fb",
                "/api/resident/x%2fy",
                "/api/records/a%5Cb",
                "/api/records/a%00b",
                "/login%2F..",
                "/api/records?q=" + "x".repeat(20_000))) {
            HttpResponse<String> refused = http.send(http.request(path, county.user("archivist-a")));
            String shown = path.length() > 60 ? path.substring(0, 60) + "…" : path;
            assertThat(refused.statusCode()).as(shown).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .as(shown)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(refused.body()).as(shown).doesNotContain("<html", "Tomcat");
            assertThat(JsonPath.<String>read(refused.body(), "$.details.key")).isEqualTo("error.badRequest");
            assertThat(JsonPath.<String>read(refused.body(), "$.message")).isEqualTo("请求有误");
            assertThat(refused.headers().firstValue("X-Request-Id"))
                    .as(shown)
                    .hasValueSatisfying(
                            id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        }
        // an English client is answered in English, as the API answers it
        HttpResponse<String> english = http.send(http.request("/api/records/a%2Fb", county.user("archivist-a"))
                .header("Accept-Language", "en-GB,en;q=0.8"));
        assertThat(JsonPath.<String>read(english.body(), "$.message")).isEqualTo("The request is not valid");
        // the longest search the service takes, in Chinese, fits in the request Tomcat reads (9 KB)
        String longest = URLEncoder.encode("报".repeat(Search.MAX_QUERY_LENGTH), StandardCharsets.UTF_8);
        assertThat(http.send(http.request("/api/search?q=" + longest, county.user("searcher-a")))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> tooLong =
                http.send(http.request("/api/search?q=" + longest + "%E6%8A%A5", county.user("searcher-a")));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(tooLong.body(), "$.details.key")).isEqualTo("search.query.tooLong");
        assertThat(http.send(http.request("/api/records", county.user("archivist-a")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_reference_and_its_swagger_ui_with_scripts_and_styles_load_for_an_administrator() throws Exception {
        HttpResponse<String> docs = http.send(http.request("/v3/api-docs", admin));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(docs.body(), "$.openapi")).startsWith("3.");
        assertThat(JsonPath.<Object>read(docs.body(), "$.paths['/api/records'].get"))
                .isNotNull();

        HttpResponse<String> entry = http.send(http.request("/swagger-ui.html", admin));
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/swagger-ui/index.html"));
        // in the administrator's browser, after the screens' login, as the UI itself fetches them
        HttpClient browser = http.loggedIn(admin);
        HttpResponse<String> page = ServerHttp.send(browser, http.request("/swagger-ui/index.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        List<String> assets = assets(page.body());
        assertThat(assets).contains("swagger-ui.css", "swagger-ui-bundle.js", "swagger-initializer.js");
        for (String asset : assets) {
            HttpResponse<String> loaded = ServerHttp.send(browser, http.request("/swagger-ui/" + asset));
            assertThat(loaded.statusCode()).as(asset).isEqualTo(200);
            assertThat(loaded.headers().firstValue("Content-Type"))
                    .as(asset)
                    .hasValueSatisfying(type -> assertThat(type).containsAnyOf("javascript", "css", "image/png"));
        }
        HttpResponse<String> config = ServerHttp.send(browser, http.request("/v3/api-docs/swagger-config"));
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(config.body(), "$.url")).isEqualTo("/v3/api-docs");
        assertThat(ServerHttp.send(browser, http.request("/v3/api-docs")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void no_one_but_an_administrator_reads_the_reference() throws Exception {
        List<String> paths = List.of(
                "/v3/api-docs",
                "/v3/api-docs/swagger-config",
                "/v3/api-docs.yaml",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/swagger-ui/swagger-ui-bundle.js");
        for (String user : new String[] {"archivist-a", "county-supervisor", "auditor", "searcher-a"}) {
            for (String path : paths) {
                assertThat(http.send(http.request(path, county.user(user))).statusCode())
                        .as(user + " " + path)
                        .isEqualTo(403);
            }
        }
        HttpClient archivist = http.loggedIn(county.user("archivist-a"));
        for (String path : paths) {
            assertThat(ServerHttp.send(archivist, http.request(path)).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(http.send(http.request("/v3/api-docs")).statusCode()).isEqualTo(401);
        HttpResponse<String> page = http.send(http.request("/swagger-ui/index.html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /** The scripts, styles and icons the Swagger UI's page loads, by the names relative to it it gives them. */
    private static List<String> assets(String html) {
        Matcher matcher =
                Pattern.compile("(?:src|href)=\"(?:\\./)?([^\"/:][^\":]*)\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
