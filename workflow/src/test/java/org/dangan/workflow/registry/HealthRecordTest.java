package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangan.workflow.support.Refusals.keyOf;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.Set;
import org.dangan.workflow.platform.InvalidIdentifierException;
import org.junit.jupiter.api.Test;

/** The health record guards its own steps, without Spring: only an open record changes, and a closed one stays closed. */
class HealthRecordTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final LocalDate BORN = LocalDate.of(1950, 3, 1);

    private static long serial;

    /** An active record with an id, as the database would give it. */
    private static HealthRecord active() {
        serial++;
        HealthRecord r = new HealthRecord(
                RecordNumber.of("3201021010010" + "%04d".formatted(serial)),
                "李秀英",
                Gender.FEMALE,
                BORN,
                "11010519491231002X",
                2L);
        try {
            Field id = HealthRecord.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(r, serial);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    @Test
    void an_active_record_is_corrected_field_by_field_a_closed_one_is_not() {
        HealthRecord r = active();

        assertThat(r.correct(new RecordCorrection(
                        "李秀兰",
                        Gender.FEMALE,
                        null,
                        null,
                        "13911112222",
                        null,
                        Set.of(KeyPopulation.values()[0]),
                        null)))
                .containsExactly("name", "phone", "keyPopulations");
        assertThat(r.getName()).isEqualTo("李秀兰");
        assertThat(r.getKeyPopulations()).containsExactly(KeyPopulation.values()[0]);
        assertThat(r.correct(RecordCorrection.lastServed(BORN))).containsExactly("lastServiceDate");
        assertThatThrownBy(() ->
                        r.correct(new RecordCorrection(null, null, null, "110105194912310021", null, null, null, null)))
                .as("a wrong check digit")
                .isInstanceOf(InvalidIdentifierException.class);

        r.markStatus(RecordStatus.MOVED_OUT);

        assertThat(keyOf(() -> r.correct(RecordCorrection.lastServed(TODAY)))).isEqualTo("record.cannotCorrect");
        assertThat(keyOf(() -> r.markStatus(RecordStatus.DECEASED))).isEqualTo("record.cannotBecome");
        assertThat(keyOf(() -> active().markStatus(RecordStatus.ACTIVE))).isEqualTo("record.alreadyActive");
    }

    @Test
    void a_death_is_dated_once_between_birth_and_today() {
        HealthRecord r = active();
        assertThat(keyOf(() -> r.recordDeath(null, TODAY))).isEqualTo("record.death.dateRequired");
        assertThat(keyOf(() -> r.recordDeath(TODAY.plusDays(1), TODAY))).isEqualTo("record.death.future");
        assertThat(keyOf(() -> r.recordDeath(BORN.minusDays(1), TODAY))).isEqualTo("record.death.beforeBirth");
        assertThat(r.getStatus()).isEqualTo(RecordStatus.ACTIVE);

        r.recordDeath(TODAY, TODAY);

        assertThat(r.getStatus()).isEqualTo(RecordStatus.DECEASED);
        assertThat(r.getDeceasedOn()).isEqualTo(TODAY);
        assertThat(keyOf(() -> r.recordDeath(TODAY, TODAY))).isEqualTo("record.death.already");

        HealthRecord retired = active();
        retired.markStatus(RecordStatus.RETIRED_PAPER);
        retired.recordDeath(TODAY, TODAY);
        assertThat(retired.getStatus()).as("its paper stays retired").isEqualTo(RecordStatus.RETIRED_PAPER);

        HealthRecord gone = active();
        assertThat(gone.moveOut()).isTrue();
        assertThat(keyOf(() -> gone.recordDeath(TODAY, TODAY))).isEqualTo("record.death.elsewhere");
    }

    @Test
    void a_duplicate_is_merged_into_another_open_record_only() {
        HealthRecord survivor = active();
        HealthRecord duplicate = active();
        assertThat(keyOf(() -> survivor.mergedInto(survivor))).isEqualTo("record.merge.itself");
        HealthRecord dead = active();
        dead.recordDeath(TODAY, TODAY);
        assertThat(keyOf(() -> duplicate.mergedInto(dead))).isEqualTo("record.merge.state");
        assertThat(duplicate.getStatus()).isEqualTo(RecordStatus.ACTIVE);

        duplicate.mergedInto(survivor);

        assertThat(duplicate.getStatus()).isEqualTo(RecordStatus.DUPLICATE);
        assertThat(duplicate.getDuplicateOf()).isEqualTo(survivor.getId());
        assertThat(keyOf(() -> duplicate.mergedInto(survivor))).isEqualTo("record.merge.state");
        assertThat(keyOf(() -> duplicate.transferTo(3))).isEqualTo("record.transfer.state");
        assertThat(duplicate.moveOut()).as("a duplicate does not move out").isFalse();
    }

    @Test
    void a_transfer_goes_to_another_institution_and_remembers_who_numbered_the_record() {
        HealthRecord r = active();
        assertThat(keyOf(() -> r.transferTo(2))).isEqualTo("record.transfer.same");

        r.transferTo(3);
        r.transferTo(4);

        assertThat(r.getInstitutionId()).isEqualTo(4L);
        assertThat(r)
                .extracting("numberedBy")
                .as("the first institution, not the one in between")
                .isEqualTo(2L);
        assertThat(r.moveOut()).isTrue();
        assertThat(r.getStatus()).isEqualTo(RecordStatus.MOVED_OUT);
        assertThat(r.moveOut()).as("already closed").isFalse();
        assertThat(keyOf(() -> r.transferTo(5))).isEqualTo("record.transfer.state");
    }
}
