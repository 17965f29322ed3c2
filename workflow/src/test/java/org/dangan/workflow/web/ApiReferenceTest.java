package org.dangan.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The REST API's reference (issue 18, item 4): {@code /v3/api-docs} is valid OpenAPI 3, holds the
 * endpoints and shapes the README names, documents the error body, and is for administrators only.
 */
@DanganTest
class ApiReferenceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    Fixtures.County county;
    String admin;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        admin = county.user("admin");
        users.create(
                admin, Fixtures.PASSWORD, "管理员", Role.ADMIN, county.county().getId(), Set.of());
    }

    private OpenAPI description() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(httpBasic(admin, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        return parsed.getOpenAPI();
    }

    @Test
    void the_description_is_valid_openapi_3_with_the_paths_the_readme_names() throws Exception {
        OpenAPI api = description();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getPaths())
                .containsKeys(
                        "/api/records",
                        "/api/records/{recordNumber}",
                        "/api/imports/records",
                        "/api/institutions",
                        "/api/audit",
                        "/api/campaigns",
                        "/api/campaigns/{id}",
                        "/api/campaigns/{id}/waivers",
                        "/api/documents",
                        "/api/documents/{id}",
                        "/api/search",
                        "/api/custody/verify",
                        "/api/checkouts",
                        "/api/disposals",
                        "/api/handovers",
                        "/api/bags",
                        "/api/transfers",
                        "/api/civil-registration",
                        "/api/me/password",
                        "/api/stocktakes");
        // only Dang'an's own API: the catch-all for unknown addresses and Camunda's REST are not in it
        assertThat(api.getPaths().keySet())
                .allMatch(path -> path.startsWith("/api/"))
                .doesNotContain("/api/**");
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("basic");
    }

    @Test
    void the_shapes_the_readme_promises_come_from_the_code() throws Exception {
        OpenAPI api = description();
        assertThat(properties(api, api.getPaths().get("/api/records").getGet())).contains("total", "items");
        assertThat(properties(api, api.getPaths().get("/api/search").getGet())).contains("total", "hits", "facets");
        assertThat(properties(api, api.getPaths().get("/api/imports/records").getPost()))
                .contains("accepted", "rejected", "rejectedRows", "rows", "encoding", "written");
        assertThat(api.getPaths().get("/api/records").getGet().getParameters())
                .extracting("name")
                .contains("q", "institution", "status", "keyPopulation", "page", "size");
    }

    @Test
    void records_of_the_same_simple_name_keep_their_own_shapes() throws Exception {
        OpenAPI api = description();
        assertThat(requestProperties(api, api.getPaths().get("/api/checkouts").getPost()))
                .containsExactlyInAnyOrder("fileNumbers", "purpose", "until");
        assertThat(requestProperties(api, api.getPaths().get("/api/transfers").getPost()))
                .containsExactlyInAnyOrder("recordNumber", "to", "reason");
        assertThat(requestProperties(
                        api, api.getPaths().get("/api/checkouts/{id}/decision").getPost()))
                .containsExactlyInAnyOrder("approved", "reason");
        assertThat(requestProperties(
                        api, api.getPaths().get("/api/transfers/{id}/decision").getPost()))
                .containsExactlyInAnyOrder("accepted", "reason");
    }

    @Test
    void what_a_post_creates_is_documented_as_created() throws Exception {
        OpenAPI api = description();
        for (String path : List.of(
                "/api/campaigns",
                "/api/handovers",
                "/api/disposals",
                "/api/documents",
                "/api/stocktakes",
                "/api/checkouts",
                "/api/transfers",
                "/api/paper-files/{fileNumber}/holds")) {
            assertThat(api.getPaths().get(path).getPost().getResponses().keySet())
                    .as(path)
                    .contains("201")
                    .doesNotContain("200");
        }
    }

    private static Set<String> requestProperties(OpenAPI api, Operation operation) {
        Schema<?> schema = operation
                .getRequestBody()
                .getContent()
                .values()
                .iterator()
                .next()
                .getSchema();
        String ref = schema.get$ref();
        return api.getComponents()
                .getSchemas()
                .get(ref.substring(ref.lastIndexOf('/') + 1))
                .getProperties()
                .keySet();
    }

    @Test
    void every_operation_names_the_error_body_as_its_refusal() throws Exception {
        OpenAPI api = description();
        Schema<?> error = api.getComponents().getSchemas().get("ApiError");
        assertThat(error.getProperties()).containsKeys("status", "error", "message", "details");
        api.getPaths()
                .forEach((path, item) -> item.readOperations()
                        .forEach(operation -> assertThat(operation
                                        .getResponses()
                                        .get("4XX")
                                        .getContent()
                                        .get("application/json")
                                        .getSchema()
                                        .get$ref())
                                .as(path)
                                .isEqualTo("#/components/schemas/ApiError")));
    }

    @Test
    void only_administrators_read_the_reference() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html"}) {
            for (String user : new String[] {"archivist-a", "county-supervisor", "auditor", "searcher-a"}) {
                mvc.perform(get(path).with(httpBasic(county.user(user), Fixtures.PASSWORD)))
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.details.key").value("error.forbidden"));
            }
        }
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
    }

    /** The property names of an operation's 200 response body, following a reference to its schema. */
    private static Set<String> properties(OpenAPI api, Operation operation) {
        var content = operation.getResponses().get("200").getContent();
        Schema<?> schema = content.values().iterator().next().getSchema();
        if (schema.get$ref() != null) {
            schema = api.getComponents()
                    .getSchemas()
                    .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema.getProperties().keySet();
    }
}
