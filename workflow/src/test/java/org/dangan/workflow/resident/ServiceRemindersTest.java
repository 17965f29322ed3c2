package org.dangan.workflow.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Residents;
import org.dangan.workflow.support.SmsGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Service reminders (issue 19, item 5): who is told, once a month, and who may press the button. */
@DanganTest
class ServiceRemindersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Residents residents;

    @Autowired
    RegistryAdministration registry;

    Fixtures.County county;
    LocalDate today;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        residents.openPilotTo(county.a());
        today = LocalDate.now(ChinaTime.ZONE);
    }

    private String resident(Institution manager, int serial, KeyPopulation population, int daysSinceService) {
        LocalDate birth = LocalDate.of(1960, 5, 1);
        String phone = SmsGateway.newPhone();
        registry.register(new HealthRecord(
                        RecordNumber.of(manager.getCode() + "001" + "%05d".formatted(serial)),
                        "居民" + serial,
                        Gender.MALE,
                        birth,
                        Fixtures.idNumber(manager.getCode().substring(0, 6), birth, Gender.MALE, serial),
                        manager.getId())
                .contact(phone, "测试地址")
                .tagged(Set.of(population))
                .servedOn(today.minusDays(daysSinceService)));
        return phone;
    }

    private ResultActions remind(String user) throws Exception {
        return mvc.perform(post("/api/resident-reminders").with(httpBasic(county.user(user), Fixtures.PASSWORD)));
    }

    @Test
    void residents_whose_service_falls_due_this_month_are_told_once_and_no_one_else() throws Exception {
        String overdue = resident(county.a(), 11, KeyPopulation.HYPERTENSION, 100);
        String soon = resident(county.a(), 12, KeyPopulation.TYPE2_DIABETES, 70);
        String seenLately = resident(county.a(), 13, KeyPopulation.ELDERLY, 30);
        String restricted = resident(county.a(), 14, KeyPopulation.SEVERE_MENTAL_DISORDER, 400);
        String outsideThePilot = resident(county.b(), 15, KeyPopulation.HYPERTENSION, 100);

        remind("county-supervisor")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sent").value(2))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.sentByInstitution['" + county.a().getCode() + "']")
                        .value(2));
        assertThat(SmsGateway.to(overdue)).singleElement().satisfies(m -> {
            assertThat(m.templateId()).isEqualTo("service-due");
            assertThat(m.parameters()).containsEntry("date", today.toString());
        });
        assertThat(SmsGateway.to(soon))
                .singleElement()
                .satisfies(m -> assertThat(m.parameters())
                        .containsEntry("date", today.plusDays(20).toString()));
        for (String phone : List.of(seenLately, restricted, outsideThePilot)) {
            assertThat(SmsGateway.to(phone)).as(phone).isEmpty();
        }

        // the second press in the month, or the monthly run after it, sends nothing twice
        remind("county-supervisor")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sent").value(0));
        assertThat(SmsGateway.to(overdue)).hasSize(1);
    }

    @Test
    void supervisors_press_the_button_within_their_own_scope_and_no_one_else() throws Exception {
        String overdue = resident(county.a(), 21, KeyPopulation.HYPERTENSION, 100);
        remind("archivist-a").andExpect(status().isForbidden());
        remind("searcher-a").andExpect(status().isForbidden());
        // township B's head: the pilot's township A is not theirs
        remind("head-b").andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(0));
        assertThat(SmsGateway.to(overdue)).isEmpty();
        remind("head-a").andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(1));
        assertThat(SmsGateway.to(overdue)).hasSize(1);
    }

    @Test
    void the_due_day_follows_the_key_population_that_is_seen_most_often() {
        assertThat(ServiceReminders.dueOn(
                        Set.of(KeyPopulation.ELDERLY, KeyPopulation.HYPERTENSION), LocalDate.of(2026, 1, 1), today))
                .contains(LocalDate.of(2026, 4, 1));
        assertThat(ServiceReminders.dueOn(Set.of(KeyPopulation.SEVERE_MENTAL_DISORDER), null, today))
                .isEmpty();
        assertThat(ServiceReminders.dueOn(Set.of(KeyPopulation.TUBERCULOSIS), null, today))
                .contains(today);
    }
}
