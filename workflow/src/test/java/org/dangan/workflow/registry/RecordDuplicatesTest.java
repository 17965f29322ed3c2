package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DanganTest
class RecordDuplicatesTest {

    @Autowired
    RecordDuplicates duplicates;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Fixtures fixtures;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
    }

    private HealthRecord person(String village, int serial, String name, LocalDate birth, String idNumber) {
        return registry.register(new HealthRecord(
                RecordNumber.of(county.a().getCode() + village + "%05d".formatted(serial)),
                name,
                Gender.FEMALE,
                birth,
                idNumber,
                county.a().getId()));
    }

    @Test
    void finds_one_person_registered_twice_by_id_number_and_by_name_birth_and_village() {
        LocalDate birth = LocalDate.of(1948, 5, 2);
        String id = Fixtures.idNumber(county.county().getCode(), birth, Gender.FEMALE, 7);
        HealthRecord first = person("001", 1, "李秀英", birth, id);
        HealthRecord second = person("002", 2, "李秀兰", birth, id);
        HealthRecord third = person("001", 3, "李秀英", birth, null);
        person("002", 4, "李秀英", birth, null); // same name and birth, but another village
        person("001", 5, "王芳", LocalDate.of(1970, 1, 1), null);

        List<DuplicateGroup> groups = duplicates.among(Set.of(county.a().getId()));

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).reason()).isEqualTo(DuplicateGroup.Reason.SAME_ID_NUMBER);
        assertThat(groups.get(0).recordNumbers()).containsExactly(first.getRecordNumber(), second.getRecordNumber());
        assertThat(groups.get(0).key()).isEqualTo(ResidentId.mask(id)).doesNotContain("19480502");
        assertThat(groups.get(1).reason()).isEqualTo(DuplicateGroup.Reason.SAME_NAME_BIRTH_VILLAGE);
        assertThat(groups.get(1).recordNumbers()).containsExactly(first.getRecordNumber(), third.getRecordNumber());
    }

    @Test
    void looks_only_among_the_given_institutions() {
        LocalDate birth = LocalDate.of(1948, 5, 2);
        String id = Fixtures.idNumber(county.county().getCode(), birth, Gender.FEMALE, 7);
        person("001", 1, "李秀英", birth, id);
        registry.register(new HealthRecord(
                RecordNumber.of(county.b().getCode() + "00100001"),
                "李秀英",
                Gender.FEMALE,
                birth,
                id,
                county.b().getId()));

        assertThat(duplicates.among(Set.of(county.a().getId()))).isEmpty();
        assertThat(duplicates.among(Set.of(county.a().getId(), county.b().getId())))
                .extracting(DuplicateGroup::reason)
                .containsExactly(DuplicateGroup.Reason.SAME_ID_NUMBER);
    }
}
