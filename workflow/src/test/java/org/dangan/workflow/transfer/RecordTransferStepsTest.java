package org.dangan.workflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangan.workflow.support.Refusals.keyOf;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The record transfer guards its own steps, without Spring (the REST walk is RecordTransferTest): another institution, a reason, decided once. */
class RecordTransferStepsTest {

    static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    private static RecordTransfer requested() {
        return new RecordTransfer(7, 2, 3, " 居民迁居 ", "archivist-a", AT);
    }

    @Test
    void a_transfer_goes_to_another_institution_for_a_stated_reason() {
        assertThat(keyOf(() -> new RecordTransfer(7, 2, 2, "迁居", "archivist-a", AT)))
                .isEqualTo("transfer.sameInstitution");
        assertThat(keyOf(() -> new RecordTransfer(7, 2, 3, null, "archivist-a", AT)))
                .isEqualTo("transfer.reasonRequired");
        assertThat(keyOf(() -> new RecordTransfer(7, 2, 3, "因".repeat(501), "archivist-a", AT)))
                .isEqualTo("transfer.reasonRequired");
        // the receiving institution's people read the reason, with or without the permission
        assertThat(keyOf(() -> new RecordTransfer(7, 2, 3, "转至精神卫生中心随访（利培酮）", "archivist-a", AT)))
                .isEqualTo("text.namesRestricted");

        RecordTransfer t = requested();

        assertThat(t.getState()).isEqualTo(RecordTransfer.State.REQUESTED);
        assertThat(t.getReason()).isEqualTo("居民迁居");
    }

    @Test
    void an_accepted_transfer_is_not_decided_again() {
        RecordTransfer t = requested();

        t.decide("archivist-b", true, null, AT.plusSeconds(60));

        assertThat(t.getState()).isEqualTo(RecordTransfer.State.ACCEPTED);
        assertThat(t.getDecidedBy()).isEqualTo("archivist-b");
        assertThat(t.getRefusalReason()).isNull();
        assertThat(keyOf(() -> t.decide("archivist-b", false, "弄错了", AT))).isEqualTo("transfer.decided");
        assertThat(t.getState()).isEqualTo(RecordTransfer.State.ACCEPTED);
    }

    @Test
    void a_refusal_needs_a_reason_and_is_final() {
        RecordTransfer t = requested();
        assertThat(keyOf(() -> t.decide("archivist-b", false, " ", AT))).isEqualTo("transfer.refusalReasonRequired");
        // the requesting institution's people read it, with or without the permission
        assertThat(keyOf(() -> t.decide("archivist-b", false, "本院无精神科，该居民系精神分裂症患者", AT)))
                .isEqualTo("text.namesRestricted");
        assertThat(t.getState()).isEqualTo(RecordTransfer.State.REQUESTED);
        assertThat(t.getDecidedBy()).isNull();

        t.decide("archivist-b", false, " 查无此人 ", AT);

        assertThat(t.getState()).isEqualTo(RecordTransfer.State.REFUSED);
        assertThat(t.getRefusalReason()).isEqualTo("查无此人");
        assertThat(keyOf(() -> t.decide("archivist-b", true, null, AT))).isEqualTo("transfer.decided");
    }
}
