package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SelfChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One inbox over every process: each task with its kind and subject, only the user's, completed only by who may. */
@DanganTest
class InboxTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Checkouts checkouts;

    @Autowired
    SelfChecks selfChecks;

    @Autowired
    AsUser as;

    @Autowired
    Inbox inbox;

    Fixtures.County county;
    long checkout;

    @BeforeEach
    void world() {
        county = fixtures.county();
        String file = fixtures.record(county.a(), 1).getRecordNumber() + "-01";
        registry.store(file, fixtures.box(county.a(), 7).getBarcode());
        selfChecks.open(county, county.a(), county.b());
        as.login(county.user("archivist-a"));
        checkout = checkouts
                .request(new Checkouts.Request(
                        List.of(file), "医疗纠纷核查", LocalDate.now(ChinaTime.ZONE).plusDays(3)))
                .id();
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void the_head_sees_the_check_out_approval_with_its_subject_institution_and_due_day() {
        as.login(county.user("head-a"));
        List<Inbox.Item> mine = inbox.mine();
        assertThat(mine).extracting(Inbox.Item::kind).containsExactly(TaskKind.CHECKOUT_APPROVAL);
        Inbox.Item approval = mine.get(0);
        assertThat(approval.subject().key()).isEqualTo("tasks.subject.checkout");
        assertThat(approval.subject().arguments()).containsExactly(Long.toString(checkout));
        assertThat(approval.institutionName()).isEqualTo("甲镇卫生院");
        assertThat(approval.due())
                .isEqualTo(LocalDate.now(ChinaTime.ZONE)
                        .plusDays(4)
                        .atStartOfDay(ChinaTime.ZONE)
                        .toInstant());
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void tasks_of_several_processes_are_listed_each_with_its_kind_and_other_institutions_are_not() {
        as.login(county.user("head-a"));
        inbox.complete(inbox.mine().get(0).taskId(), Map.of("approved", true));
        assertThat(inbox.count()).isZero();

        as.login(county.user("archivist-a"));
        assertThat(inbox.mine())
                .extracting(Inbox.Item::kind)
                .containsExactlyInAnyOrder(TaskKind.SELF_CHECK, TaskKind.CHECKOUT_RETURN);
        assertThat(inbox.mine()).extracting(Inbox.Item::institutionName).containsOnly("甲镇卫生院");
        assertThat(inbox.count()).isEqualTo(2);

        // township B has its own self-check and nothing of A's check-out
        as.login(county.user("archivist-b"));
        assertThat(inbox.mine()).extracting(Inbox.Item::kind).containsExactly(TaskKind.SELF_CHECK);
        assertThat(inbox.mine()).extracting(Inbox.Item::institutionName).containsExactly("乙镇卫生院");
        as.login(county.user("head-b"));
        assertThat(inbox.mine()).isEmpty();
        assertThat(inbox.count()).isZero();
    }

    @Test
    void a_user_who_may_not_work_a_task_is_refused_and_the_task_stays_open() {
        as.login(county.user("head-a"));
        String approval = inbox.mine().get(0).taskId();

        as.login(county.user("head-b"));
        assertThatThrownBy(() -> inbox.complete(approval, Map.of("approved", true)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.notYours"));
        as.login(county.user("archivist-a"));
        assertThatThrownBy(() -> inbox.require(approval)).isInstanceOf(Refused.class);

        as.login(county.user("head-a"));
        assertThatThrownBy(() -> inbox.complete(approval, Map.of("approved", false)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("checkout.reasonRequired"));
        assertThat(inbox.mine()).extracting(Inbox.Item::taskId).containsExactly(approval);
    }
}
