package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 15, item 6: a masked ID number is rebuilt from what the screens show and confirmed by a search. */
@DanganTest
class IdNumberProbingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord inB;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        inB = fixtures.record(county.b(), 7);
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    private List<String> listDetails(String user) {
        return jdbc.queryForList(
                "select detail from audit_entry where action = 'RECORD_LIST' and username = ? order by id",
                String.class,
                county.user(user));
    }

    @Test
    void the_shown_id_number_keeps_neither_birth_date_nor_sequence_nor_check_character() throws Exception {
        String id = inB.getIdNumber();
        mvc.perform(get("/api/records").with(as("head-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].idNumber").value(id.charAt(0) + "*".repeat(17)));
        mvc.perform(get("/api/records/" + inB.getRecordNumber()).with(as("head-b")))
                .andExpect(jsonPath("$.idNumber").value(id.charAt(0) + "*".repeat(17)));
    }

    @Test
    void a_reader_without_full_id_number_is_refused_a_search_by_a_whole_id_number() throws Exception {
        mvc.perform(get("/api/records").param("q", inB.getIdNumber()).with(as("head-b")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("records.search.idNumber.forbidden"))
                .andExpect(jsonPath("$.message", containsString("查看完整身份证号")));
        // a wrong guess is refused the same way: the answer tells nothing about the number
        String wrong = inB.getIdNumber().substring(0, 14) + "999";
        mvc.perform(get("/api/records")
                        .param("q", wrong + ResidentId.checkCharacter(wrong))
                        .with(as("head-b"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message", containsString("FULL_ID_NUMBER")));
        // and the node keeps serving the reader
        mvc.perform(get("/api/records").with(as("head-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void repeated_probes_show_in_the_audit_as_one_keyed_hash_never_the_number() throws Exception {
        String id = inB.getIdNumber();
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/records").param("q", id).with(as("head-b"))).andExpect(status().isForbidden());
        }
        List<String> details = listDetails("head-b");
        assertThat(details)
                .hasSize(2)
                .allSatisfy(d -> assertThat(d)
                        .startsWith("refused q=id-number hmac:")
                        .doesNotContain(id)
                        .doesNotContain(id.substring(6, 14))
                        .doesNotContain(sha256(id).substring(0, 32)));
        assertThat(details.get(0)).isEqualTo(details.get(1));
    }

    @Test
    void a_permitted_search_by_a_whole_id_number_finds_the_record_and_is_audited_as_the_same_keyed_hash()
            throws Exception {
        String id = inB.getIdNumber();
        mvc.perform(get("/api/records").param("q", id).with(as("head-b"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/records").param("q", id.toLowerCase()).with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/records").param("q", id).with(as("county-supervisor")))
                .andExpect(status().isForbidden());
        String refused = listDetails("head-b").get(0);
        String hash = refused.substring("refused q=id-number ".length());
        assertThat(listDetails("archivist-a"))
                .singleElement()
                .satisfies(d ->
                        assertThat(d).startsWith("q=id-number " + hash + " ").doesNotContain(id));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
