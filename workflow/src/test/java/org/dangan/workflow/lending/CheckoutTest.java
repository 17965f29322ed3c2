package org.dangan.workflow.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangan.workflow.support.Refusals.keyOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dangan.workflow.platform.Refused;
import org.junit.jupiter.api.Test;

/** The check-out guards its own steps, without Spring: order, four eyes, a reason for a refusal, China's day. */
class CheckoutTest {

    /** 00:30 on 1 December in China, still 30 November in UTC. */
    static final Instant JUST_AFTER_MIDNIGHT_IN_CHINA = Instant.parse("2026-11-30T16:30:00Z");

    private static Checkout requested() {
        return new Checkout(
                5,
                "archivist",
                List.of("F-1", "F-2"),
                "随访核对",
                LocalDate.of(2026, 12, 10),
                JUST_AFTER_MIDNIGHT_IN_CHINA);
    }

    @Test
    void a_due_date_counts_against_chinas_day_not_utcs() {
        // at 00:30 in China, 30 November is yesterday there, whatever UTC says
        assertThatThrownBy(() -> new Checkout(
                        5, "archivist", List.of("F-1"), "核对", LocalDate.of(2026, 11, 30), JUST_AFTER_MIDNIGHT_IN_CHINA))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("checkout.untilFromToday"));
        Checkout today = new Checkout(
                5, "archivist", List.of("F-1"), "核对", LocalDate.of(2026, 12, 1), JUST_AFTER_MIDNIGHT_IN_CHINA);
        assertThat(today.getDueOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void a_request_needs_files_a_purpose_and_a_due_date() {
        assertThat(keyOf(() -> new Checkout(
                        5, "a", List.of(), "核对", LocalDate.of(2026, 12, 10), JUST_AFTER_MIDNIGHT_IN_CHINA)))
                .isEqualTo("checkout.filesRequired");
        assertThat(keyOf(() -> new Checkout(
                        5, "a", List.of("F-1"), " ", LocalDate.of(2026, 12, 10), JUST_AFTER_MIDNIGHT_IN_CHINA)))
                .isEqualTo("checkout.purposeRequired");
        assertThat(keyOf(() -> new Checkout(
                        5, "a", List.of("F-1"), "核对氯氮平用药记录", LocalDate.of(2026, 12, 10), JUST_AFTER_MIDNIGHT_IN_CHINA)))
                .isEqualTo("text.namesRestricted");
        assertThat(keyOf(() -> new Checkout(5, "a", List.of("F-1"), "核对", null, JUST_AFTER_MIDNIGHT_IN_CHINA)))
                .isEqualTo("checkout.untilFromToday");
    }

    @Test
    void the_requester_may_not_decide_and_a_refusal_needs_a_reason() {
        Checkout c = requested();
        assertThat(keyOf(() -> c.decide("archivist", true, null))).isEqualTo("checkout.fourEyes");
        assertThat(keyOf(() -> c.decide("supervisor", false, " "))).isEqualTo("checkout.reasonRequired");
        assertThat(keyOf(() -> c.decide("supervisor", false, "严重精神障碍档案不外借"))).isEqualTo("text.namesRestricted");
        assertThat(c.getState()).isEqualTo(CheckoutState.REQUESTED);

        c.decide("supervisor", false, "档案正在核查");

        assertThat(c.getState()).isEqualTo(CheckoutState.REFUSED);
        assertThat(c.getRefusalReason()).isEqualTo("档案正在核查");
        assertThat(keyOf(() -> c.decide("supervisor", true, null))).isEqualTo("checkout.cannot.decide");
        assertThat(keyOf(c::handedOut)).isEqualTo("checkout.cannot.handOut");
    }

    @Test
    void files_go_out_only_once_approved_and_come_back_only_while_out() {
        Checkout c = requested();
        assertThat(keyOf(c::handedOut)).isEqualTo("checkout.cannot.handOut");
        assertThat(keyOf(() -> c.returned(Instant.now()))).isEqualTo("checkout.cannot.return");

        c.decide("supervisor", true, null);
        c.markOverdue();
        assertThat(c.isOverdue()).as("not overdue before it is out").isFalse();
        c.handedOut();
        c.markOverdue();
        Instant back = JUST_AFTER_MIDNIGHT_IN_CHINA.plusSeconds(86_400);
        c.returned(back);

        assertThat(c.getState()).isEqualTo(CheckoutState.RETURNED);
        assertThat(c.isOverdue()).isTrue();
        assertThat(c.getReturnedAt()).isEqualTo(back);
        assertThat(c.getDecidedBy()).isEqualTo("supervisor");
        assertThat(keyOf(() -> c.returned(back))).isEqualTo("checkout.cannot.return");
        assertThat(keyOf(c::handedOut)).isEqualTo("checkout.cannot.handOut");
    }

    @Test
    void a_long_purpose_is_cut_to_500_characters_and_the_files_cannot_be_changed_from_outside() {
        Checkout c = new Checkout(
                5, "a", List.of("F-1"), "因".repeat(2000), LocalDate.of(2026, 12, 10), JUST_AFTER_MIDNIGHT_IN_CHINA);
        assertThat(c.getPurpose()).hasSize(500);
        assertThatThrownBy(() -> c.getFileNumbers().add("F-9")).isInstanceOf(UnsupportedOperationException.class);
    }
}
