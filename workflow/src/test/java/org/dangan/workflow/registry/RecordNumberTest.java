package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dangan.workflow.platform.InvalidIdentifierException;
import org.junit.jupiter.api.Test;

class RecordNumberTest {

    @Test
    void splits_into_division_township_and_village_codes() {
        RecordNumber number = RecordNumber.of(" 13012310120100042 ");
        assertThat(number.divisionCode()).isEqualTo("130123");
        assertThat(number.townshipCode()).isEqualTo("130123101");
        assertThat(number.villageCode()).isEqualTo("130123101201");
        assertThat(number.belongsTo("130123101")).isTrue();
        assertThat(number.belongsTo("130123102")).isFalse();
    }

    @Test
    void refuses_a_number_of_the_wrong_length() {
        assertThatThrownBy(() -> RecordNumber.of("1301231012010004"))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.key()).isEqualTo("record.number.length"));
    }

    @Test
    void names_the_position_of_a_character_that_is_not_a_digit() {
        assertThatThrownBy(() -> RecordNumber.of("1301231012010004A"))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.args()).containsExactly(17));
    }

    @Test
    void refuses_serial_zero() {
        assertThatThrownBy(() -> RecordNumber.of("13012310120100000")).isInstanceOf(InvalidIdentifierException.class);
    }
}
