package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 15, item 7: the severe-mental-disorder tag showed through lists, filters and record pages. */
@DanganTest
class RestrictedTagTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Records records;

    @Autowired
    AsUser asUser;

    Fixtures.County county;
    HealthRecord patientB;
    HealthRecord patientA;

    private HealthRecord patient(Institution township, int serial) {
        LocalDate birth = LocalDate.of(1971, 5, 9);
        RecordNumber number = RecordNumber.of(township.getCode() + "002" + "%05d".formatted(serial));
        HealthRecord saved = registry.register(new HealthRecord(
                        number,
                        "病人" + serial,
                        Gender.FEMALE,
                        birth,
                        Fixtures.idNumber(township.getCode().substring(0, 6), birth, Gender.FEMALE, serial),
                        township.getId())
                .tagged(EnumSet.of(KeyPopulation.SEVERE_MENTAL_DISORDER, KeyPopulation.HYPERTENSION)));
        registry.register(new PaperFile(
                number.value() + "-01",
                saved.getId(),
                Map.of(DocumentType.BASIC_INFO, 2, DocumentType.SEVERE_MENTAL_DISORDER, 3)));
        return saved;
    }

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        patientA = patient(county.a(), 1);
        patientB = patient(county.b(), 1);
        fixtures.record(county.b(), 2);
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void an_archivist_without_restricted_documents_is_refused_the_severe_mental_disorder_filter() throws Exception {
        mvc.perform(get("/api/records")
                        .param("keyPopulation", "SEVERE_MENTAL_DISORDER")
                        .with(as("archivist-b")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("records.filter.restricted.forbidden"))
                .andExpect(jsonPath("$.message", containsString("查看受限文档")))
                .andExpect(content().string(not(containsString(patientB.getName()))));
        mvc.perform(get("/api/records").param("keyPopulation", "HYPERTENSION").with(as("archivist-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void a_record_with_the_tag_is_listed_without_it_for_a_reader_without_the_permission() throws Exception {
        mvc.perform(get("/api/records").with(as("archivist-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.recordNumber == '%s')].keyPopulations[*]"
                                .formatted(patientB.getRecordNumber()))
                        .value(contains("HYPERTENSION")))
                .andExpect(content().string(not(containsString("SEVERE_MENTAL_DISORDER"))));
    }

    @Test
    void the_record_page_shows_neither_the_tag_nor_the_contents_of_its_paper_file_by_type() throws Exception {
        // with the restricted type alone left out, the whole count minus the types shown would give it away
        mvc.perform(get("/api/records/" + patientB.getRecordNumber()).with(as("archivist-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyPopulations.length()").value(1))
                .andExpect(jsonPath("$.paperFiles[0].pageCount").value(5))
                .andExpect(jsonPath("$.paperFiles[0].contents").isEmpty())
                .andExpect(content().string(not(containsString("SEVERE_MENTAL_DISORDER"))));
        mvc.perform(get("/api/records/" + patientB.getRecordNumber()).with(as("head-b")))
                .andExpect(jsonPath("$.paperFiles[0].contents").isEmpty());
    }

    @Test
    void the_contents_by_type_are_shown_to_a_reader_with_the_permission() throws Exception {
        mvc.perform(get("/api/records/" + patientA.getRecordNumber()).with(as("archivist-a")))
                .andExpect(jsonPath("$.paperFiles[0].pageCount").value(5))
                .andExpect(jsonPath("$.paperFiles[0].contents.BASIC_INFO").value(2))
                .andExpect(jsonPath("$.paperFiles[0].contents.SEVERE_MENTAL_DISORDER")
                        .value(3));
    }

    @Test
    void a_reader_with_restricted_documents_filters_by_the_tag_and_sees_it() throws Exception {
        mvc.perform(get("/api/records")
                        .param("keyPopulation", "SEVERE_MENTAL_DISORDER")
                        .with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].keyPopulations", hasItem("SEVERE_MENTAL_DISORDER")));
        mvc.perform(get("/api/records/" + patientA.getRecordNumber()).with(as("archivist-a")))
                .andExpect(jsonPath("$.keyPopulations", hasItem("SEVERE_MENTAL_DISORDER")))
                .andExpect(jsonPath("$.paperFiles[0].contents.SEVERE_MENTAL_DISORDER")
                        .value(3));
    }

    @Test
    void the_filter_choices_offer_the_tag_only_to_readers_with_the_permission() {
        asUser.login(county.user("searcher-b"));
        assertThat(records.keyPopulationsShown())
                .doesNotContain(KeyPopulation.SEVERE_MENTAL_DISORDER)
                .contains(KeyPopulation.HYPERTENSION);
        asUser.login(county.user("archivist-a"));
        assertThat(records.keyPopulationsShown()).contains(KeyPopulation.SEVERE_MENTAL_DISORDER);
    }

    @Test
    void a_correction_by_an_archivist_who_cannot_see_the_tag_neither_drops_nor_adds_it() {
        asUser.login(county.user("archivist-b"));
        assertThat(records.read(patientB.getRecordNumber()).keyPopulations())
                .containsExactly(KeyPopulation.HYPERTENSION);
        records.correct(
                patientB.getRecordNumber(),
                new RecordCorrection(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        EnumSet.of(KeyPopulation.HYPERTENSION, KeyPopulation.ELDERLY),
                        null));
        HealthRecord other = fixtures.record(county.b(), 3);
        records.correct(
                other.getRecordNumber(),
                new RecordCorrection(
                        null, null, null, null, null, null, EnumSet.of(KeyPopulation.SEVERE_MENTAL_DISORDER), null));

        assertThat(tagsOf(patientB))
                .isEqualTo(Set.of(
                        KeyPopulation.SEVERE_MENTAL_DISORDER, KeyPopulation.HYPERTENSION, KeyPopulation.ELDERLY));
        assertThat(tagsOf(other)).isEmpty();
    }

    @Autowired
    HealthRecordRepository repository;

    private Set<KeyPopulation> tagsOf(HealthRecord record) {
        return repository
                .findByRecordNumber(record.getRecordNumber())
                .orElseThrow()
                .getKeyPopulations();
    }
}
