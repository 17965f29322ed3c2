package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.dangan.workflow.platform.InvalidIdentifierException;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

    // the GB 11643-1999 worked example
    private static final String VALID = "11010519491231002X";

    @Test
    void accepts_the_standard_example_and_reads_birth_date_and_gender() {
        ResidentId id = ResidentId.of("11010519491231002x");
        assertThat(id.value()).isEqualTo(VALID);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void refuses_a_wrong_check_character() {
        assertThatThrownBy(() -> ResidentId.of("110105194912310021"))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.key()).isEqualTo("id.number.check"));
    }

    @Test
    void refuses_an_impossible_birth_date() {
        String first17 = "11010519490230002";
        assertThatThrownBy(() -> ResidentId.of(first17 + ResidentId.checkCharacter(first17)))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.key()).isEqualTo("id.number.birthdate"));
    }

    @Test
    void masks_all_but_the_first_character_so_neither_sequence_nor_check_character_shows() {
        assertThat(ResidentId.mask(VALID)).isEqualTo("1*****************");
        assertThat(ResidentId.mask("123")).isEqualTo("***");
        assertThat(ResidentId.of(VALID).toString()).doesNotContain("19491231");
    }
}
