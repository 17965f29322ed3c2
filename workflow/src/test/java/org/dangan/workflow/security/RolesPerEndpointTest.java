package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which endpoint of the REST API: every state-changing endpoint and every read of
 * personal data, for every role. The ids are made up: a service checks the role before it looks
 * anything up, so a wrong role is answered 403 even for an id that does not exist, and a right role
 * gets anything but 403 (mostly 404 or 400).
 */
@DanganTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesPerEndpointTest {

    private static final Set<RequestMethod> STATE_CHANGING =
            EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH);
    private static final Set<Role> ARCHIVIST = EnumSet.of(Role.ARCHIVIST);
    private static final Set<Role> SUPERVISOR = EnumSet.of(Role.SUPERVISOR);
    private static final Set<Role> CHECKERS = EnumSet.of(Role.ARCHIVIST, Role.SUPERVISOR);
    private static final Set<Role> RECORD_READERS = EnumSet.of(Role.ARCHIVIST, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> DOCUMENT_READERS = EnumSet.of(Role.ARCHIVIST, Role.SUPERVISOR, Role.SEARCHER);
    private static final String JSON_DECISION = "{\"approved\": true, \"reason\": \"因为\"}";

    /** One endpoint: its method and pattern as mapped, a request to it with made-up ids, who may call it. */
    record Endpoint(HttpMethod method, String pattern, String path, MediaType type, String body, Set<Role> allowed) {

        String key() {
            return method.name() + " " + pattern;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private static Endpoint json(HttpMethod method, String pattern, String path, String body, Set<Role> allowed) {
        return new Endpoint(method, pattern, path, MediaType.APPLICATION_JSON, body, allowed);
    }

    private static Endpoint read(String pattern, String path, Set<Role> allowed) {
        return new Endpoint(HttpMethod.GET, pattern, path, null, null, allowed);
    }

    static List<Endpoint> table() {
        HttpMethod post = HttpMethod.POST;
        HttpMethod put = HttpMethod.PUT;
        return List.of(
                // scanned documents: an archivist scans and reviews; searchers read what they find
                new Endpoint(post, "/api/documents", "/api/documents", MediaType.MULTIPART_FORM_DATA, null, ARCHIVIST),
                json(
                        put,
                        "/api/documents/{id}/pages/{page}/text",
                        "/api/documents/999999999/pages/1/text",
                        "{\"text\": \"更正\"}",
                        ARCHIVIST),
                read("/api/documents/{id}", "/api/documents/999999999", DOCUMENT_READERS),
                read("/api/documents/{id}/text", "/api/documents/999999999/text", DOCUMENT_READERS),
                read("/api/documents/{id}/pdf", "/api/documents/999999999/pdf", DOCUMENT_READERS),
                read(
                        "/api/documents/{id}/pages/{page}/boxes",
                        "/api/documents/999999999/pages/1/boxes",
                        DOCUMENT_READERS),
                read("/api/search", "/api/search?q=%E6%B5%8B%E8%AF%95", DOCUMENT_READERS),
                // records: read by the people who keep them, never by searchers or auditors
                read("/api/records", "/api/records", RECORD_READERS),
                read("/api/records/{recordNumber}", "/api/records/13012310100199999", RECORD_READERS),
                json(
                        post,
                        "/api/records/{recordNumber}/merge",
                        "/api/records/13012310100199999/merge",
                        "{\"duplicate\": \"13012310100199998\", \"take\": []}",
                        ARCHIVIST),
                json(
                        post,
                        "/api/records/{recordNumber}/death",
                        "/api/records/13012310100199999/death",
                        "{\"date\": \"2026-01-02\"}",
                        ARCHIVIST),
                new Endpoint(
                        post,
                        "/api/imports/records",
                        "/api/imports/records",
                        MediaType.MULTIPART_FORM_DATA,
                        null,
                        ARCHIVIST),
                new Endpoint(
                        post,
                        "/api/civil-registration",
                        "/api/civil-registration",
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        "idNumber,event,date\n",
                        ARCHIVIST),
                // paper in the records room
                read(
                        "/api/paper-files/{fileNumber}/custody",
                        "/api/paper-files/X-99/custody",
                        EnumSet.of(Role.ARCHIVIST, Role.SUPERVISOR, Role.AUDITOR)),
                read("/api/paper-files/labels.pdf", "/api/paper-files/labels.pdf?fileNumber=X-99", CHECKERS),
                read("/api/boxes/labels.pdf", "/api/boxes/labels.pdf?barcode=BX9999999999", CHECKERS),
                read("/api/stocktakes/{id}/report.pdf", "/api/stocktakes/999999999/report.pdf", CHECKERS),
                read(
                        "/api/documents/separator-sheets.pdf",
                        "/api/documents/separator-sheets.pdf"
                                + "?recordNumber=13012310100199999&documentType=AUX_EXAM_REPORT",
                        EnumSet.of(Role.ARCHIVIST)),
                read("/api/boxes/{barcode}/contents.pdf", "/api/boxes/X-99/contents.pdf", CHECKERS),
                json(
                        post,
                        "/api/boxes/moves",
                        "/api/boxes/moves",
                        "{\"location\": 999999999, \"barcodes\": []}",
                        ARCHIVIST),
                json(post, "/api/stocktakes", "/api/stocktakes", "{\"room\": 999999999, \"barcodes\": []}", ARCHIVIST),
                json(
                        post,
                        "/api/checkouts",
                        "/api/checkouts",
                        "{\"fileNumbers\": [\"X-99\"], \"purpose\": \"查阅\", \"until\": \"2099-01-01\"}",
                        CHECKERS),
                read("/api/checkouts", "/api/checkouts", CHECKERS),
                read("/api/checkouts/{id}", "/api/checkouts/999999999", CHECKERS),
                json(
                        post,
                        "/api/checkouts/{id}/decision",
                        "/api/checkouts/999999999/decision",
                        JSON_DECISION,
                        SUPERVISOR),
                json(post, "/api/checkouts/{id}/return", "/api/checkouts/999999999/return", "{}", ARCHIVIST),
                // retention and disposal: custody work
                read("/api/paper-files/{fileNumber}/retention", "/api/paper-files/X-99/retention", CHECKERS),
                read("/api/disposal/eligible", "/api/disposal/eligible?institution=999999", CHECKERS),
                json(
                        post,
                        "/api/paper-files/{fileNumber}/holds",
                        "/api/paper-files/X-99/holds",
                        "{\"reason\": \"诉讼\"}",
                        SUPERVISOR),
                new Endpoint(
                        HttpMethod.DELETE,
                        "/api/paper-files/{fileNumber}/holds/{id}",
                        "/api/paper-files/X-99/holds/999999999",
                        null,
                        null,
                        SUPERVISOR),
                json(post, "/api/disposals", "/api/disposals", "{\"institution\": \"999999\"}", ARCHIVIST),
                json(
                        post,
                        "/api/disposals/{id}/appraisal",
                        "/api/disposals/999999999/appraisal",
                        "{\"keep\": {}}",
                        ARCHIVIST),
                json(
                        post,
                        "/api/disposals/{id}/approval",
                        "/api/disposals/999999999/approval",
                        JSON_DECISION,
                        SUPERVISOR),
                json(
                        post,
                        "/api/disposals/{id}/county-approval",
                        "/api/disposals/999999999/county-approval",
                        JSON_DECISION,
                        SUPERVISOR),
                // handovers of an archive and of one record
                json(
                        post,
                        "/api/handovers",
                        "/api/handovers",
                        "{\"from\": \"999998\", \"to\": \"999999\", \"reason\": \"合并\"}",
                        EnumSet.of(Role.ADMIN, Role.SUPERVISOR)),
                json(
                        post,
                        "/api/handovers/{id}/check",
                        "/api/handovers/999999999/check",
                        "{\"barcodes\": [], \"damaged\": {}}",
                        CHECKERS),
                json(
                        post,
                        "/api/handovers/{id}/resolution",
                        "/api/handovers/999999999/resolution",
                        "{\"resolution\": \"RECHECK\", \"note\": \"再点\"}",
                        CHECKERS),
                json(
                        post,
                        "/api/handovers/{id}/decision",
                        "/api/handovers/999999999/decision",
                        JSON_DECISION,
                        SUPERVISOR),
                new Endpoint(
                        post,
                        "/api/bags",
                        "/api/bags",
                        MediaType.valueOf("application/zip"),
                        "PK",
                        EnumSet.of(Role.ARCHIVIST, Role.ADMIN)),
                json(
                        post,
                        "/api/transfers",
                        "/api/transfers",
                        "{\"recordNumber\": \"13012310100199999\", \"to\": \"999999\", \"reason\": \"迁居\"}",
                        ARCHIVIST),
                json(
                        post,
                        "/api/transfers/{id}/decision",
                        "/api/transfers/999999999/decision",
                        "{\"accepted\": true, \"reason\": \"接收\"}",
                        CHECKERS),
                // verification campaigns: a county supervisor starts one; archivists and supervisors work it
                json(
                        post,
                        "/api/campaigns",
                        "/api/campaigns",
                        "{\"institutions\": [\"999999\"], \"deadline\": \"2099-01-01\"}",
                        SUPERVISOR),
                // the report is scoped to what each reader may see; boxes and sheets name residents
                read(
                        "/api/campaigns/{id}/report.pdf",
                        "/api/campaigns/999999999/report.pdf",
                        EnumSet.allOf(Role.class)),
                read("/api/campaigns/{id}/boxes", "/api/campaigns/999999999/boxes", CHECKERS),
                read(
                        "/api/campaigns/{id}/boxes/{boxId}/sign-off-sheet.pdf",
                        "/api/campaigns/999999999/boxes/999999999/sign-off-sheet.pdf",
                        CHECKERS),
                read("/api/campaigns/{id}/findings", "/api/campaigns/999999999/findings", CHECKERS),
                json(
                        post,
                        "/api/campaigns/{id}/waivers",
                        "/api/campaigns/999999999/waivers",
                        "{\"findings\": [999999999], \"reason\": \"已核实\"}",
                        CHECKERS),
                json(
                        post,
                        "/api/campaigns/{id}/records/{recordNumber}/recheck",
                        "/api/campaigns/999999999/records/13012310100199999/recheck",
                        "{}",
                        CHECKERS),
                read("/api/campaigns/{id}/sample", "/api/campaigns/999999999/sample?institution=999999999", CHECKERS),
                json(
                        put,
                        "/api/campaigns/{id}/sample/{recordNumber}",
                        "/api/campaigns/999999999/sample/13012310100199999",
                        "{\"verdict\": \"PASS\"}",
                        CHECKERS),
                read(
                        "/api/campaigns/{id}/paper-files",
                        "/api/campaigns/999999999/paper-files?institution=999999999",
                        CHECKERS),
                json(
                        put,
                        "/api/campaigns/{id}/paper-files/{fileNumber}/check",
                        "/api/campaigns/999999999/paper-files/X-99/check",
                        "{\"pagesFound\": 6, \"signaturesPresent\": true, \"contentAgrees\": true}",
                        CHECKERS),
                // the assessment: supervisors and administrators read; county supervisors compute and set
                json(
                        post,
                        "/api/indicators/compute",
                        "/api/indicators/compute",
                        "{}",
                        EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                read("/api/indicators", "/api/indicators", EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                read("/api/indicators.xlsx", "/api/indicators.xlsx", EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                read("/api/indicators.pdf", "/api/indicators.pdf", EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                read("/api/populations", "/api/populations", EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                json(
                        put,
                        "/api/populations",
                        "/api/populations",
                        "{\"institution\": \"999999999\", \"year\": 2026, \"population\": 100}",
                        EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                new Endpoint(
                        HttpMethod.DELETE,
                        "/api/populations",
                        "/api/populations?institution=999999999&year=2026",
                        null,
                        null,
                        EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                read("/api/indicator-targets", "/api/indicator-targets", EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                json(
                        put,
                        "/api/indicator-targets",
                        "/api/indicator-targets",
                        "{\"institution\": \"999999999\", \"figure\": \"recordRate\", \"green\": 0.9, \"amber\": 0.8}",
                        EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                // administration and one's own account
                json(post, "/api/search/rebuild", "/api/search/rebuild", "{}", EnumSet.of(Role.ADMIN)),
                json(
                        post,
                        "/api/resident-reminders",
                        "/api/resident-reminders",
                        "{}",
                        EnumSet.of(Role.SUPERVISOR, Role.ADMIN)),
                json(
                        post,
                        "/api/me/password",
                        "/api/me/password",
                        "{\"current\": \"not-the-password\", \"password\": \"a-new-pass-2026\"}",
                        EnumSet.allOf(Role.class)),
                read("/api/audit", "/api/audit", EnumSet.of(Role.AUDITOR)));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixtures.County county;

    @BeforeAll
    void createUsersOfEveryRole() {
        county = fixtures.county();
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
    }

    private String userIn(Role role) {
        return county.user(
                switch (role) {
                    case ARCHIVIST -> "archivist-a";
                    case SUPERVISOR -> "county-supervisor";
                    case SEARCHER -> "searcher-a";
                    case AUDITOR -> "auditor";
                    case ADMIN -> "admin";
                });
    }

    Stream<Arguments> endpointsAndRoles() {
        return table().stream().flatMap(e -> Arrays.stream(Role.values()).map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void each_endpoint_answers_403_exactly_to_the_roles_that_may_not_call_it(Endpoint endpoint, Role role)
            throws Exception {
        MockHttpServletRequestBuilder request;
        if (MediaType.MULTIPART_FORM_DATA.equals(endpoint.type())) {
            request = MockMvcRequestBuilders.multipart(endpoint.path())
                    .file(new MockMultipartFile(
                            "file", "scan.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)))
                    .param("recordNumber", "13012310100199999")
                    .param("documentType", "AUX_EXAM_REPORT");
        } else {
            request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.path());
            if (endpoint.type() != null) {
                request.contentType(endpoint.type()).content(endpoint.body());
            }
        }
        MvcResult result = mvc.perform(request.with(httpBasic(userIn(role), Fixtures.PASSWORD)))
                .andReturn();
        int status = result.getResponse().getStatus();
        String answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (endpoint.allowed().contains(role)) {
            assertThat(status).as("%s as %s: %s", endpoint, role, answer).isNotEqualTo(403);
        } else {
            assertThat(status).as("%s as %s: %s", endpoint, role, answer).isEqualTo(403);
        }
    }

    @Test
    void the_table_names_every_state_changing_endpoint_of_the_api() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        // the resident API is not the staff's: no staff role may call it (staff credentials are
                        // not even read there, 401); resident.ResidentSignInTest checks it for every role
                        .filter(p -> p.startsWith("/api/") && !p.startsWith("/api/resident/"))
                        .forEach(p -> info.getMethodsCondition().getMethods().stream()
                                .filter(STATE_CHANGING::contains)
                                .forEach(m -> mapped.add(m.name() + " " + p))));
        Set<String> inTable = table().stream()
                .filter(e -> e.method() != HttpMethod.GET)
                .map(Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped)
                .as("state-changing endpoints of the API")
                .isNotEmpty()
                .isEqualTo(inTable);
    }
}
