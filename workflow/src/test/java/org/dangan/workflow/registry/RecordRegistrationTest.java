package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DanganTest
class RecordRegistrationTest {

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Fixtures fixtures;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
    }

    @Test
    void the_registry_refuses_a_record_number_that_does_not_start_with_its_institutions_code() {
        HealthRecord stray = new HealthRecord(
                RecordNumber.of(county.b().getCode() + "00100001"),
                "错号",
                Gender.MALE,
                LocalDate.of(1960, 1, 1),
                null,
                county.a().getId());
        assertThatThrownBy(() -> registry.register(stray)).hasMessageContaining("record.number.institution");
    }
}
