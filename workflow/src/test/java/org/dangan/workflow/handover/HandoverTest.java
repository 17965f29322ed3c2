package org.dangan.workflow.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangan.workflow.support.Refusals.keyOf;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handover guards its own steps, without Spring: inventory, check, four eyes, transfer; or taken back. */
class HandoverTest {

    static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    private static Handover recorded() {
        return new Handover(1, 2, ChangeKind.MERGER, "乡镇合并", "head-a", AT);
    }

    private static Handover checking() {
        Handover h = recorded();
        h.inventoried(new Inventory(10, 8, 120, 3, List.of(), List.of(), "a".repeat(64)));
        return h;
    }

    @Test
    void a_handover_goes_somewhere_else_and_says_why() {
        assertThat(keyOf(() -> new Handover(1, 1, ChangeKind.MERGER, "合并", "head-a", AT)))
                .isEqualTo("handover.toItself");
        assertThat(keyOf(() -> new Handover(1, 2, ChangeKind.MERGER, " ", "head-a", AT)))
                .isEqualTo("handover.reasonRequired");
        assertThat(keyOf(() -> new Handover(1, 2, ChangeKind.MERGER, "因".repeat(501), "head-a", AT)))
                .isEqualTo("handover.reasonRequired");
        assertThat(keyOf(() -> new Handover(1, 2, ChangeKind.MERGER, "合并，含精神分裂症患者档案", "head-a", AT)))
                .isEqualTo("text.namesRestricted");
        assertThat(recorded().getState()).isEqualTo(HandoverState.RECORDED);
    }

    @Test
    void only_an_inventoried_handover_is_checked_and_only_a_checked_one_decided() {
        Handover h = recorded();
        assertThat(keyOf(() -> h.checked("checker-b", 0))).isEqualTo("handover.cannot.check");
        assertThat(keyOf(() -> h.approved("county-supervisor"))).isEqualTo("handover.cannot.approve");
        assertThat(keyOf(() -> h.transferred(AT))).isEqualTo("handover.cannot.transfer");

        h.inventoried(new Inventory(10, 8, 120, 3, List.of(), List.of(), "a".repeat(64)));

        assertThat(h.getState()).isEqualTo(HandoverState.CHECKING);
        assertThat(h.getRecords()).isEqualTo(10);
        assertThat(h.getPaperFiles()).isEqualTo(8);
        assertThat(h.getPages()).isEqualTo(120);
        assertThat(h.getDocuments()).isEqualTo(3);
        assertThat(keyOf(() -> h.inventoried(new Inventory(1, 1, 1, 1, List.of(), List.of(), "b".repeat(64)))))
                .isEqualTo("handover.cannot.inventory");
        assertThat(keyOf(() -> h.approved("county-supervisor"))).isEqualTo("handover.cannot.approve");
    }

    @Test
    void differences_go_back_for_a_new_check() {
        Handover h = checking();
        assertThat(keyOf(h::recheck)).isEqualTo("handover.cannot.recheck");

        h.checked("checker-b", 2);

        assertThat(h.getState()).isEqualTo(HandoverState.DIFFERENCES);
        assertThat(keyOf(() -> h.approved("county-supervisor"))).isEqualTo("handover.cannot.approve");
        h.recheck();
        assertThat(h.getState()).isEqualTo(HandoverState.CHECKING);
        h.checked("checker-c", 0);
        assertThat(h.getState()).isEqualTo(HandoverState.CHECKED);
        assertThat(h.getCheckedBy()).isEqualTo("checker-b,checker-c");
    }

    @Test
    void neither_the_initiator_nor_a_checker_approves() {
        Handover h = checking();
        h.checked("checker-b", 1);
        h.recheck();
        h.checked("checker-c", 0);

        assertThat(h.mayBeApprovedBy("head-a")).isFalse();
        assertThat(keyOf(() -> h.approved("head-a"))).isEqualTo("handover.fourEyes");
        assertThat(keyOf(() -> h.approved("checker-b")))
                .as("an earlier check counts too")
                .isEqualTo("handover.fourEyes");
        assertThat(keyOf(() -> h.approved("checker-c"))).isEqualTo("handover.fourEyes");
        assertThat(h.getState()).isEqualTo(HandoverState.CHECKED);
        assertThat(keyOf(() -> h.transferred(AT))).isEqualTo("handover.cannot.transfer");

        h.approved("county-supervisor");

        assertThat(h.getState()).isEqualTo(HandoverState.APPROVED);
        assertThat(h.getApprovedBy()).isEqualTo("county-supervisor");
        assertThat(keyOf(() -> h.returned("晚了"))).isEqualTo("handover.cannot.return");
        h.transferred(AT.plusSeconds(3600));
        assertThat(h.getState()).isEqualTo(HandoverState.TRANSFERRED);
        assertThat(h.getTransferredAt()).isEqualTo(AT.plusSeconds(3600));
        assertThat(keyOf(() -> h.transferred(AT))).isEqualTo("handover.cannot.transfer");
    }

    @Test
    void a_handover_is_taken_back_with_a_reason_only_after_a_check() {
        Handover h = checking();
        assertThat(keyOf(() -> h.returned("不移交了"))).isEqualTo("handover.cannot.return");
        h.checked("checker-b", 3);
        assertThat(keyOf(() -> h.returned(" "))).isEqualTo("handover.returnReasonRequired");
        assertThat(h.getState()).isEqualTo(HandoverState.DIFFERENCES);

        h.returned(" 缺少档案盒 ");

        assertThat(h.getState()).isEqualTo(HandoverState.RETURNED);
        assertThat(h.getReturnedReason()).isEqualTo("缺少档案盒");
        assertThat(keyOf(h::recheck)).isEqualTo("handover.cannot.recheck");
        assertThat(keyOf(() -> h.approved("county-supervisor"))).isEqualTo("handover.cannot.approve");
    }
}
