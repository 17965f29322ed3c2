package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Headers, the password policy, login rate limiting, session expiry, the audit of account changes, request ids. */
@DanganTest
class SecurityHardeningTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServerProperties server;

    @Autowired
    Environment environment;

    @Test
    void the_api_sends_security_headers_and_hsts_only_over_tls() throws Exception {
        Fixtures.County county = fixtures.county();
        mvc.perform(get("/api/institutions").with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityHeaders.API_POLICY))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/api/institutions")
                        .secure(true)
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }

    @Test
    void passwords_keep_the_policy_and_each_change_is_audited() throws Exception {
        Fixtures.County county = fixtures.county();
        String user = county.user("searcher-a");
        for (String[] weak : new String[][] {
            {"short1!", "password.tooShort"},
            {"onlyletters", "password.kinds"},
            {"xx" + user + "7", "password.userName"},
            {"password123", "password.common"},
            {"12121212121212!", "password.repetitive"}
        }) {
            assertThatThrownBy(() -> PasswordPolicy.check(user, weak[0]))
                    .isInstanceOfSatisfying(
                            AccountRefused.class, r -> assertThat(r.key()).isEqualTo(weak[1]));
        }
        assertThatThrownBy(() -> accounts.create(
                        "weak-" + user,
                        "abcdefgh",
                        "弱",
                        Role.SEARCHER,
                        county.a().getId(),
                        Set.of()))
                .hasMessageContaining("password.tooShort");
        // a taken user name is a refusal with its key, which both languages translate
        assertThatThrownBy(() -> accounts.create(
                        user,
                        "Another-pass-2026",
                        "重名",
                        Role.SEARCHER,
                        county.a().getId(),
                        Set.of()))
                .isInstanceOfSatisfying(
                        AccountRefused.class, r -> assertThat(r.key()).isEqualTo("user.exists"));

        change(user, Fixtures.PASSWORD, Fixtures.PASSWORD, "short", 400)
                .andExpect(jsonPath("$.details.key").value("password.tooShort"));
        change(user, Fixtures.PASSWORD, "wrong-password", "Longer-pass-2026", 400)
                .andExpect(jsonPath("$.details.key").value("password.currentWrong"));
        change(user, Fixtures.PASSWORD, Fixtures.PASSWORD, "Longer-pass-2026", 204);
        mvc.perform(get("/api/institutions").with(httpBasic(user, "Longer-pass-2026")))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'ADMIN_ACTION' and subject_id = ?",
                        String.class,
                        user))
                .contains("password changed")
                .anyMatch(d -> d.startsWith("account created"));
        change(user, "Longer-pass-2026", "Longer-pass-2026", Fixtures.PASSWORD, 204);
    }

    private ResultActions change(String user, String login, String current, String replacement, int expected)
            throws Exception {
        return mvc.perform(post("/api/me/password")
                        .with(httpBasic(user, login))
                        .contentType("application/json")
                        .content("{\"current\": \"" + current + "\", \"password\": \"" + replacement + "\"}"))
                .andExpect(status().is(expected));
    }

    @Test
    void many_failed_logins_from_one_address_are_slowed_down_there_only() throws Exception {
        Fixtures.County county = fixtures.county();
        String attacker = "10.66." + (int) (Math.random() * 250) + ".7";
        for (int i = 0; i < 20; i++) {
            // a different account each time: the per-account lockout never sees more than one failure
            mvc.perform(get("/api/institutions")
                            .with(from(attacker))
                            .with(httpBasic("nobody-" + UUID.randomUUID(), "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/institutions")
                        .with(from(attacker))
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                // answered by the filter itself: an error dispatch would reach the screens' login and a 302
                .andExpect(result ->
                        assertThat(result.getResponse().getErrorMessage()).isNull())
                .andExpect(jsonPath("$.details.key").value("login.tooManyFailures"));
        mvc.perform(get("/api/institutions")
                        .with(from("10.67.0.8"))
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void sessions_expire_after_half_an_hour_even_with_a_screen_open() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
        // Vaadin's heartbeat would otherwise keep an open tab's session alive for ever
        assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class))
                .isTrue();
    }

    @Test
    void every_request_has_an_id_in_the_log_context_and_the_response() throws Exception {
        RequestIds filter = new RequestIds();
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/records");
        request.addHeader(RequestIds.HEADER, "proxy-id-12345");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> seen.set(MDC.get(RequestIds.MDC_KEY)));
        assertThat(seen.get()).isEqualTo("proxy-id-12345");
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("proxy-id-12345");
        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();

        MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/api/records");
        forged.addHeader(RequestIds.HEADER, "x\nFAKE LOG LINE");
        MockHttpServletResponse fresh = new MockHttpServletResponse();
        filter.doFilter(forged, fresh, (req, res) -> seen.set(MDC.get(RequestIds.MDC_KEY)));
        assertThat(seen.get()).matches("[0-9a-f-]{36}").isEqualTo(fresh.getHeader(RequestIds.HEADER));

        mvc.perform(get("/actuator/health")).andExpect(header().exists(RequestIds.HEADER));
    }
}
