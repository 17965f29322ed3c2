package org.dangan.workflow.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Residents;
import org.dangan.workflow.support.Residents.Resident;
import org.dangan.workflow.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A resident's sign-in through the API, with the tests' SMS gateway as the county's: no
 * enumeration, the limits on codes and attempts, expiry and single use, the pilot's scope and the
 * county switch, and the wall between the resident API and the staff's.
 */
@DanganTest
class ResidentSignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Residents residents;

    @Autowired
    ResidentSettings settings;

    @Autowired
    ResidentCodes codes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    Fixtures.County county;
    String address;
    Set<String> pilotBefore;

    @BeforeEach
    void openThePilotToThisCounty() {
        county = fixtures.county();
        pilotBefore = settings.pilotInstitutions();
        residents.openPilotTo(county.county());
        address = "10.%d.%d.%d"
                .formatted(
                        ThreadLocalRandom.current().nextInt(256),
                        ThreadLocalRandom.current().nextInt(256),
                        ThreadLocalRandom.current().nextInt(1, 255));
    }

    @AfterEach
    void restoreTheSettings() {
        settings.setEnabled(true);
        settings.setPilotKeyPopulations(Set.of());
        settings.setPilotInstitutions(pilotBefore);
    }

    private Resident resident(Institution manager, int serial) {
        return residents.register(manager, serial);
    }

    private MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String from) {
        return request.with(r -> {
            r.setRemoteAddr(from);
            return r;
        });
    }

    private MockHttpServletResponse askCode(String idNumber, String phone, String from) throws Exception {
        return mvc.perform(from(
                        post("/api/resident/codes")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(new Pair(idNumber, phone))),
                        from))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse askCode(Resident r) throws Exception {
        return askCode(r.idNumber(), r.phone(), address);
    }

    record Pair(String idNumber, String phone) {}

    record Attempt(String idNumber, String code) {}

    private MockHttpServletResponse signIn(String idNumber, String code) throws Exception {
        return mvc.perform(from(
                        post("/api/resident/sign-in")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(new Attempt(idNumber, code))),
                        address))
                .andReturn()
                .getResponse();
    }

    private String codeOf(Resident r) {
        return residents.lastCode(r);
    }

    private String token(Resident r) throws Exception {
        askCode(r);
        MockHttpServletResponse answer = signIn(r.idNumber(), codeOf(r));
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return json.readTree(answer.getContentAsString()).get("token").asText();
    }

    private int withToken(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String key(MockHttpServletResponse response) throws Exception {
        JsonNode body = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        return body.path("details").path("key").asText();
    }

    @Test
    void known_and_unknown_pairs_get_byte_identical_answers_and_only_the_known_pair_a_message() throws Exception {
        Resident known = resident(county.a(), 1);
        Resident other = resident(county.a(), 2);
        String unknownId = Fixtures.idNumber(county.county().getCode(), LocalDate.of(1961, 1, 1), Gender.MALE, 77);
        String strangersPhone = SmsGateway.newPhone();

        List<MockHttpServletResponse> answers = List.of(
                askCode(unknownId, strangersPhone, address),
                askCode(other.idNumber(), strangersPhone, address),
                askCode("not an ID number", "", address),
                askCode(known));

        codes.settle();
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).isEqualTo(202);
            assertThat(answer.getContentAsByteArray()).isEqualTo(answers.get(3).getContentAsByteArray());
        }
        assertThat(answers.get(3).getContentAsString(StandardCharsets.UTF_8))
                .contains("验证码已发送")
                .contains("卫生院");
        assertThat(SmsGateway.to(known.phone())).hasSize(1);
        SmsGateway.Message message = SmsGateway.to(known.phone()).get(0);
        assertThat(message.templateId()).isEqualTo("sign-in-code");
        assertThat(message.parameters().get("code")).matches("\\d{6}");
        assertThat(SmsGateway.to(strangersPhone))
                .as("the phone the request named")
                .isEmpty();
        assertThat(SmsGateway.to(other.phone()))
                .as("a known ID number with a wrong phone")
                .isEmpty();

        List<String> details = jdbc.queryForList(
                "select detail from audit_entry where action = 'RESIDENT_CODE_REQUESTED' and username = ?",
                String.class,
                "resident:" + known.record().getRecordNumber());
        assertThat(details).hasSize(1);
        assertThat(details.get(0))
                .doesNotContain(known.phone())
                .doesNotContain(message.parameters().get("code"));
    }

    @Test
    void a_code_signs_in_once_and_the_token_opens_the_resident_api_until_sign_out() throws Exception {
        Resident r = resident(county.a(), 3);
        askCode(r);
        String code = codeOf(r);

        MockHttpServletResponse answer = signIn(r.idNumber(), code);
        assertThat(answer.getStatus()).isEqualTo(200);
        String token = json.readTree(answer.getContentAsString()).get("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(jdbc.queryForObject(
                        "select count(*) from resident_session where token_hash = ?",
                        Integer.class,
                        CodeHash.sha256(token)))
                .as("stored as its hash only")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from resident_code where code_hash = ? or salt = ?",
                        Integer.class,
                        code,
                        code))
                .isZero();

        MockHttpServletResponse again = signIn(r.idNumber(), code);
        assertThat(again.getStatus()).as("single use").isEqualTo(401);
        assertThat(key(again)).isEqualTo("resident.signIn.refused");

        // past the chain, an address nothing serves (yet): the token was taken
        assertThat(withToken(get("/api/resident/nothing-here"), token)).isEqualTo(404);
        assertThat(mvc.perform(get("/api/resident/nothing-here"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(withToken(post("/api/resident/sign-out"), token)).isEqualTo(204);
        assertThat(withToken(post("/api/resident/sign-out"), token)).isEqualTo(401);

        List<String> trail = jdbc.queryForList(
                "select action from audit_entry where username = ? order by id",
                String.class,
                "resident:" + r.record().getRecordNumber());
        assertThat(trail)
                .containsSubsequence(
                        "RESIDENT_CODE_REQUESTED",
                        "RESIDENT_SIGNED_IN",
                        "RESIDENT_SIGN_IN_REFUSED",
                        "RESIDENT_SIGNED_OUT");
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where username = ?",
                        String.class,
                        "resident:" + r.record().getRecordNumber()))
                .noneMatch(d -> d != null && d.contains(code));
    }

    @Test
    void an_unknown_id_number_is_refused_like_a_wrong_code() throws Exception {
        Resident r = resident(county.a(), 4);
        askCode(r);
        codeOf(r);
        String unknownId = Fixtures.idNumber(county.county().getCode(), LocalDate.of(1962, 2, 2), Gender.MALE, 78);

        MockHttpServletResponse wrong = signIn(r.idNumber(), "000000".equals(codeOf(r)) ? "000001" : "000000");
        MockHttpServletResponse unknown = signIn(unknownId, "123456");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(unknown.getStatus()).isEqualTo(401);
        assertThat(unknown.getContentAsByteArray()).isEqualTo(wrong.getContentAsByteArray());
        assertThat(key(unknown)).isEqualTo("resident.signIn.refused");
    }

    @Test
    void the_open_addresses_tell_a_wrong_method_405_not_to_sign_in() throws Exception {
        for (String path : List.of("/api/resident/codes", "/api/resident/sign-in")) {
            MockHttpServletResponse answer = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(answer.getStatus()).as(path).isEqualTo(405);
            assertThat(answer.getHeader("Allow")).as(path).contains("POST");
            assertThat(key(answer)).isEqualTo("error.method");
        }
    }

    @Test
    void a_fourth_code_within_the_hour_is_refused_silently_for_an_id_number_and_for_an_address() throws Exception {
        Resident r = resident(county.a(), 5);
        for (int i = 0; i < 4; i++) {
            assertThat(askCode(r).getStatus()).isEqualTo(202);
        }
        codes.settle();
        assertThat(SmsGateway.to(r.phone()))
                .as("three codes an hour per ID number")
                .hasSize(3);

        // one address asking for four residents: the fourth gets nothing
        String one = "10.99." + ThreadLocalRandom.current().nextInt(256) + ".1";
        List<Resident> four = List.of(
                resident(county.b(), 6), resident(county.b(), 7), resident(county.b(), 8), resident(county.b(), 9));
        for (Resident each : four) {
            assertThat(askCode(each.idNumber(), each.phone(), one).getStatus()).isEqualTo(202);
        }
        codes.settle();
        assertThat(four.stream().mapToInt(each -> SmsGateway.to(each.phone()).size()))
                .containsExactly(1, 1, 1, 0);
    }

    @Test
    void guesses_sent_at_once_compare_at_most_five_against_one_code() throws Exception {
        Resident r = resident(county.a(), 11);
        askCode(r);
        String code = codeOf(r);
        int guesses = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String wrong = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
                String from = "192.0.2." + (100 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(from(
                                    post("/api/resident/sign-in")
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .content(json.writeValueAsString(new Attempt(r.idNumber(), wrong))),
                                    from))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select max(attempts) from resident_code where record_id = ?",
                        Integer.class,
                        r.record().getId()))
                .isEqualTo(ResidentCodes.MAX_ATTEMPTS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where subject_id = ? and detail like 'wrong code, attempt%'",
                        Integer.class, r.record().getRecordNumber()))
                .isEqualTo(ResidentCodes.MAX_ATTEMPTS);
        // the right code no longer signs in: it was guessed at five times
        assertThat(signIn(r.idNumber(), code).getStatus()).isEqualTo(401);
    }

    @Test
    void one_address_asking_for_codes_again_and_again_is_turned_away() throws Exception {
        Resident r = resident(county.a(), 12);
        String flood = "198.51.100.7";
        for (int i = 0; i < ResidentCodes.MAX_REQUESTS_PER_ADDRESS; i++) {
            assertThat(askCode(r.idNumber(), "13900000000", flood).getStatus()).isEqualTo(202);
        }
        MockHttpServletResponse turnedAway = askCode(r.idNumber(), "13900000000", flood);
        assertThat(turnedAway.getStatus()).isEqualTo(429);
        assertThat(key(turnedAway)).isEqualTo("resident.codes.tooMany");
        // another address is not held back
        assertThat(askCode(r.idNumber(), r.phone(), "198.51.100.8").getStatus()).isEqualTo(202);
    }

    @Test
    void five_wrong_attempts_kill_the_code() throws Exception {
        Resident r = resident(county.a(), 10);
        askCode(r);
        String code = codeOf(r);
        String wrong = code.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < ResidentCodes.MAX_ATTEMPTS; i++) {
            assertThat(signIn(r.idNumber(), wrong).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse right = signIn(r.idNumber(), code);
        assertThat(right.getStatus()).as("the right code after five wrong ones").isEqualTo(401);
        assertThat(key(right)).isEqualTo("resident.signIn.refused");
    }

    @Test
    void a_code_expires_after_five_minutes_and_a_new_code_replaces_the_old() throws Exception {
        Resident r = resident(county.a(), 11);
        askCode(r);
        String first = codeOf(r);
        askCode(r);
        String second = codeOf(r);
        if (!first.equals(second)) {
            assertThat(signIn(r.idNumber(), first).getStatus())
                    .as("the earlier code dies with the new one")
                    .isEqualTo(401);
        }
        // five minutes and a second later, as the table tells it
        Instant sent = Instant.now().minus(ResidentCodes.VALID).minusSeconds(1);
        jdbc.update(
                "update resident_code set created_at = ?, expires_at = ? where record_id = ?",
                Timestamp.from(sent),
                Timestamp.from(sent.plus(ResidentCodes.VALID)),
                r.record().getId());
        assertThat(signIn(r.idNumber(), second).getStatus()).isEqualTo(401);
    }

    @Test
    void only_living_records_of_the_pilot_get_codes() throws Exception {
        Fixtures.County elsewhere = fixtures.county();
        Resident outside = resident(elsewhere.a(), 12);
        Resident elderly = resident(county.a(), 13);
        Resident deceased = resident(county.a(), 14);
        jdbc.update(
                "update health_record set status = 'DECEASED' where id = ?",
                deceased.record().getId());

        askCode(outside);
        askCode(deceased);
        settings.setPilotKeyPopulations(Set.of(KeyPopulation.HYPERTENSION));
        askCode(elderly);
        codes.settle();
        assertThat(SmsGateway.to(outside.phone()))
                .as("outside the pilot institutions")
                .isEmpty();
        assertThat(SmsGateway.to(deceased.phone())).as("deceased").isEmpty();
        assertThat(SmsGateway.to(elderly.phone()))
                .as("not of the pilot's key populations")
                .isEmpty();

        settings.setPilotKeyPopulations(Set.of(KeyPopulation.ELDERLY));
        askCode(elderly);
        codes.settle();
        assertThat(SmsGateway.to(elderly.phone())).hasSize(1);
    }

    @Test
    void with_the_county_switch_off_every_resident_address_is_404_and_no_code_goes_out() throws Exception {
        Resident r = resident(county.a(), 15);
        String token = token(r);
        settings.setEnabled(false);

        MockHttpServletResponse codeAnswer = askCode(r);
        assertThat(codeAnswer.getStatus()).isEqualTo(404);
        assertThat(key(codeAnswer)).isEqualTo("error.noSuchApi");
        assertThat(signIn(r.idNumber(), "123456").getStatus()).isEqualTo(404);
        assertThat(withToken(post("/api/resident/sign-out"), token)).isEqualTo(404);
        codes.settle();
        assertThat(SmsGateway.to(r.phone()))
                .as("only the code of the sign-in before")
                .hasSize(1);

        settings.setEnabled(true);
        assertThat(withToken(get("/api/resident/nothing-here"), token)).isEqualTo(404);
        assertThat(withToken(post("/api/resident/sign-out"), token)).isEqualTo(204);
    }

    @Test
    void staff_credentials_do_not_open_the_resident_api_and_a_resident_token_opens_no_staff_endpoint()
            throws Exception {
        for (String user : List.of("archivist-a", "county-supervisor", "searcher-a", "auditor", "county-checker")) {
            for (MockHttpServletRequestBuilder request : List.of(
                    get("/api/resident/me"),
                    get("/api/resident/access"),
                    get("/api/resident/documents"),
                    get("/api/resident/documents/1/pdf"),
                    get("/api/resident/corrections"),
                    post("/api/resident/corrections")
                            .contentType("application/json")
                            .content("{\"field\": \"ADDRESS\", \"note\": \"地址有误\"}"),
                    post("/api/resident/corrections/1/confirm")
                            .contentType("application/json")
                            .content("{\"code\": \"123456\"}"))) {
                MockHttpServletResponse answer = mvc.perform(
                                request.with(httpBasic(county.user(user), Fixtures.PASSWORD)))
                        .andReturn()
                        .getResponse();
                assertThat(answer.getStatus()).as(user).isEqualTo(401);
                assertThat(key(answer)).isEqualTo("resident.signIn.required");
            }
            assertThat(mvc.perform(post("/api/resident/sign-out").with(httpBasic(county.user(user), Fixtures.PASSWORD)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(401);
        }

        String token = token(resident(county.a(), 16));
        for (MockHttpServletRequestBuilder staff : List.of(
                get("/api/records"),
                get("/api/records/" + county.a().getCode() + "00100016"),
                get("/api/search").param("q", "测试"),
                get("/api/audit"),
                get("/api/institutions"),
                get("/engine-rest/task"),
                get("/engine-rest/process-instance"))) {
            assertThat(withToken(staff, token)).isIn(401, 403);
        }
    }

    @Test
    void one_address_may_try_twenty_sign_ins_in_ten_minutes() throws Exception {
        String unknownId = Fixtures.idNumber(county.county().getCode(), LocalDate.of(1963, 3, 3), Gender.MALE, 79);
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(unknownId, "123456").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse blocked = signIn(unknownId, "123456");
        assertThat(blocked.getStatus()).isEqualTo(429);
        assertThat(key(blocked)).isEqualTo("resident.signIn.tooMany");
    }

    @Test
    void a_gateway_that_fails_twice_gets_the_message_on_the_third_try() throws Exception {
        Resident r = resident(county.a(), 17);
        SmsGateway.failNext(2);
        askCode(r);
        codes.settle();
        assertThat(SmsGateway.to(r.phone())).hasSize(1);
    }
}
