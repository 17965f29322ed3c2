package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A login tells nothing about the account it names: every cause of refusal costs one password match
 * and gets the same answer, and the audit log keeps no name that belongs to no account.
 */
@DanganTest
class LoginAnswersTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuthenticationConfiguration authentication;

    Fixtures.County county;
    String locked;
    String disabled;
    final String address = "10.71." + ThreadLocalRandom.current().nextInt(250) + "."
            + ThreadLocalRandom.current().nextInt(250);

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        locked = county.user("archivist-b");
        disabled = county.user("head-b");
        jdbc.update(
                "update app_user set locked_until = ? where username = ?",
                Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)),
                locked);
        jdbc.update("update app_user set enabled = false where username = ?", disabled);
    }

    private Map<String, String[]> refusedAttempts() {
        Map<String, String[]> attempts = new LinkedHashMap<>();
        attempts.put("unknown name", new String[] {county.user("nobody"), Fixtures.PASSWORD});
        attempts.put("wrong password", new String[] {county.user("archivist-a"), "wrong-password-1"});
        attempts.put("locked, wrong password", new String[] {locked, "wrong-password-1"});
        attempts.put("locked, right password", new String[] {locked, Fixtures.PASSWORD});
        attempts.put("disabled, right password", new String[] {disabled, Fixtures.PASSWORD});
        return attempts;
    }

    @Test
    void every_refused_login_pays_one_password_match_whatever_the_cause() {
        // BCrypt as in production, counting its matches
        CountingEncoder counting = new CountingEncoder(new BCryptPasswordEncoder());
        AuthenticationProvider login = new SecurityConfiguration().passwordLogin(accounts, counting);
        refusedAttempts().forEach((cause, attempt) -> {
            counting.matches.set(0);
            assertThatThrownBy(() -> login.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(attempt[0], attempt[1])))
                    .as(cause)
                    .isInstanceOf(AuthenticationException.class);
            assertThat(counting.matches.get())
                    .as("password matches for " + cause)
                    .isEqualTo(1);
        });
        counting.matches.set(0);
        assertThat(login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                                county.user("archivist-a"), Fixtures.PASSWORD))
                        .isAuthenticated())
                .isTrue();
        assertThat(counting.matches.get()).isEqualTo(1);
    }

    @Test
    void a_locked_or_disabled_account_pays_a_real_match_even_for_a_password_matched_minutes_ago() {
        CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder());
        AuthenticationProvider login = new SecurityConfiguration()
                .passwordLogin(accounts, new RememberedMatches(bcrypt, Duration.ofMinutes(5), Clock.systemUTC()));
        String lockedNow = county.user("archivist-a");
        String disabledNow = county.user("head-a");
        for (String name : List.of(lockedNow, disabledNow)) {
            login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, Fixtures.PASSWORD));
        }
        bcrypt.matches.set(0);
        login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(lockedNow, Fixtures.PASSWORD));
        assertThat(bcrypt.matches.get())
                .as("a usable account's remembered match")
                .isZero();

        jdbc.update(
                "update app_user set locked_until = ? where username = ?",
                Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)),
                lockedNow);
        jdbc.update("update app_user set enabled = false where username = ?", disabledNow);
        for (String name : List.of(lockedNow, disabledNow)) {
            bcrypt.matches.set(0);
            assertThatThrownBy(() -> login.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(name, Fixtures.PASSWORD)))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(bcrypt.matches.get()).as("BCrypt matches for " + name).isEqualTo(1);
        }
    }

    @Test
    void the_api_and_the_login_form_log_in_through_that_one_provider() throws Exception {
        assertThat(authentication.getAuthenticationManager())
                .isInstanceOfSatisfying(
                        ProviderManager.class,
                        manager -> assertThat(manager.getProviders())
                                .singleElement()
                                .isInstanceOf(PasswordLogin.class));
    }

    @Test
    void every_refused_login_gets_the_same_answer_whatever_the_cause() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String[] attempt : refusedAttempts().values()) {
            MvcResult result = mvc.perform(
                            get("/api/institutions").with(from(address)).with(httpBasic(attempt[0], attempt[1])))
                    .andExpect(status().isUnauthorized())
                    .andReturn();
            TreeSet<String> headers = new TreeSet<>(result.getResponse().getHeaderNames());
            headers.remove(RequestIds.HEADER);
            answers.add(result.getResponse().getStatus() + " " + headers + " "
                    + result.getResponse().getContentAsString());
        }
        assertThat(answers).hasSize(5).containsOnly(answers.get(0));
    }

    @Test
    void a_name_of_no_account_is_kept_in_the_audit_log_only_as_a_keyed_hash() throws Exception {
        // a password typed into the name field
        String typed = "Mima-" + UUID.randomUUID();
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/institutions").with(from(address)).with(httpBasic(typed, "anything-at-all")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/institutions")
                        .with(from(address))
                        .with(httpBasic(county.user("archivist-a"), "wrong-password-1")))
                .andExpect(status().isUnauthorized());

        List<Map<String, Object>> entries = jdbc.queryForList(
                "select username, subject_id, detail from audit_entry"
                        + " where id > ? and action = 'LOGIN_FAILED' order by id",
                before);
        assertThat(entries).hasSize(3);
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.values())
                        .noneMatch(v -> String.valueOf(v).contains(typed)
                                || String.valueOf(v)
                                        .toLowerCase()
                                        .contains(typed.substring(5, 13).toLowerCase())));
        assertThat((String) entries.get(0).get("username")).matches("unknown-[0-9a-f]{32}");
        assertThat(entries.get(1).get("username")).isEqualTo(entries.get(0).get("username"));
        assertThat(entries.get(0).get("subject_id")).isEqualTo(entries.get(0).get("username"));
        // a known account's failure is still under its name
        assertThat(entries.get(2).get("username")).isEqualTo(county.user("archivist-a"));
    }

    @Test
    void a_county_auditor_sees_failed_logins_with_names_of_no_account() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
        mvc.perform(get("/api/institutions").with(from(address)).with(httpBasic("guess-" + UUID.randomUUID(), "x")))
                .andExpect(status().isUnauthorized());
        String hashed = jdbc.queryForObject(
                "select username from audit_entry where id > ? and action = 'LOGIN_FAILED'", String.class, before);
        mvc.perform(get("/api/audit")
                        .param("action", "LOGIN_FAILED")
                        .param("username", hashed)
                        .with(httpBasic(county.user("auditor"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].institutionId").isEmpty());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
