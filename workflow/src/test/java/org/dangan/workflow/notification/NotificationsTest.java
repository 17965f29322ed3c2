package org.dangan.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.SelfChecks;
import org.dangan.workflow.verification.CampaignSentBack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** New tasks, returns, approvals and overdue items reach the bell of the people concerned, and only theirs. */
@DanganTest
class NotificationsTest extends CheckoutRequests {

    @Autowired
    Notifications notifications;

    @Autowired
    SelfChecks selfChecks;

    @Autowired
    ManagementService management;

    @Autowired
    MessageSource messages;

    @Autowired
    Webhook webhook;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    private void decide(long id, boolean approved) {
        asUser.login(county.user("head-a"));
        try {
            checkouts.decide(id, approved, approved ? null : "目的不明");
        } finally {
            AsUser.logout();
        }
    }

    private List<Notifications.Item> of(String user) {
        asUser.login(county.user(user));
        try {
            return notifications.mine(50);
        } finally {
            AsUser.logout();
        }
    }

    private String text(Notifications.Item item) {
        return messages.getMessage(item.messageKey(), item.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void a_new_task_tells_its_candidate_group_and_no_one_else() {
        long id = requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7)).id();

        assertThat(of("head-a")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.TASK);
            assertThat(n.route()).isEqualTo("tasks");
            assertThat(n.read()).isFalse();
            assertThat(text(n)).isEqualTo("新任务：审批调阅（#" + id + "）");
        });
        assertThat(of("archivist-a"))
                .as("the requester started it and is not told")
                .isEmpty();
        assertThat(of("head-b")).as("another institution's supervisor").isEmpty();
        assertThat(of("county-supervisor")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select via_group from notification where recipient = ?", String.class, county.user("head-a")))
                .isEqualTo("supervisor-" + county.a().getCode());
    }

    @Test
    void a_new_tasks_notice_is_read_for_everyone_once_the_task_is_done() {
        long id = requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7)).id();
        assertThat(of("head-a"))
                .singleElement()
                .satisfies(n -> assertThat(n.read()).isFalse());

        decide(id, true);

        // the approval went; the notice of it is no longer unread, and the next step's notice is new
        List<Notifications.Item> head = of("head-a");
        assertThat(head)
                .filteredOn(n -> text(n).equals("新任务：审批调阅（#" + id + "）"))
                .singleElement()
                .satisfies(n -> assertThat(n.read()).isTrue());
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where task_id is not null and read_at is null"
                                + " and recipient = ?",
                        Integer.class,
                        county.user("head-a")))
                .isZero();
    }

    @Test
    void a_user_reads_and_marks_only_their_own_notifications() {
        requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7));
        long mine = of("head-a").get(0).id();

        asUser.login(county.user("head-b"));
        assertThatThrownBy(() -> notifications.markRead(mine))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.kind()).isEqualTo(Refused.Kind.NOT_FOUND));
        assertThat(notifications.markAllRead()).isZero();
        AsUser.logout();

        asUser.login(county.user("head-a"));
        assertThat(notifications.unreadCount()).isEqualTo(1);
        notifications.markRead(mine);
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.mine(10))
                .singleElement()
                .satisfies(n -> assertThat(n.read()).isTrue());
    }

    @Test
    void mark_all_read_clears_the_users_count() {
        requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7));
        asUser.login(county.user("head-a"));
        assertThat(notifications.markAllRead()).isEqualTo(1);
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void an_approval_and_the_overdue_files_are_told_to_the_requester() {
        Checkouts.Started started = requestCheckout(LocalDate.now(ChinaTime.ZONE));
        decide(started.id(), true);
        assertThat(of("archivist-a"))
                .filteredOn(n -> n.kind() == NotificationKind.APPROVAL)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.route()).isEqualTo("checkouts");
                    assertThat(text(n)).isEqualTo("调阅 #" + started.id() + " 已批准");
                });
        assertThat(of("archivist-a"))
                .filteredOn(n -> n.kind() == NotificationKind.TASK)
                .extracting(this::text)
                .containsExactly("新任务：归还档案（#" + started.id() + "）");

        var timer = management
                .createJobQuery()
                .processInstanceId(started.processInstanceId())
                .timers()
                .singleResult();
        management.executeJob(timer.getId()); // the day has come
        assertThat(of("archivist-a")).first().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.OVERDUE);
            assertThat(text(n)).isEqualTo("调阅 #" + started.id() + " 已逾期，请尽快归还档案");
        });
        assertThat(of("head-a"))
                .extracting(this::text)
                .containsExactly("新任务：督办逾期调阅（#" + started.id() + "）", "新任务：审批调阅（#" + started.id() + "）");
    }

    @Test
    void a_refused_check_out_is_a_return_to_the_requester() {
        Checkouts.Started started =
                requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(3));
        decide(started.id(), false);
        assertThat(of("archivist-a")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RETURN);
            assertThat(text(n)).isEqualTo("调阅 #" + started.id() + " 未获批准");
        });
    }

    @Test
    void a_campaign_tells_the_archivists_of_its_self_check_and_its_deadline_tells_its_starter() {
        String process = selfChecks.open(county, county.a());
        assertThat(of("archivist-a"))
                .extracting(this::text)
                .singleElement()
                .asString()
                .startsWith("新任务：机构自查（#");
        assertThat(of("archivist-b")).isEmpty();

        var timer =
                management.createJobQuery().processInstanceId(process).timers().singleResult();
        management.executeJob(timer.getId());
        assertThat(of("county-supervisor"))
                .extracting(Notifications.Item::kind)
                .containsExactlyInAnyOrder(NotificationKind.OVERDUE, NotificationKind.TASK);
        assertThat(of("archivist-a")).first().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.OVERDUE);
            assertThat(n.route()).isEqualTo("campaigns");
            assertThat(text(n)).endsWith("已过截止日期");
        });
    }

    @Test
    void a_self_check_sent_back_tells_the_archivists_of_that_institution_only() {
        new TransactionTemplate(transactions)
                .executeWithoutResult(t -> events.publishEvent(
                        new CampaignSentBack(4711, List.of(county.a().getCode()), CampaignSentBack.By.SAMPLE)));
        assertThat(of("archivist-a")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RETURN);
            assertThat(n.route()).isEqualTo("tasks");
            assertThat(text(n)).isEqualTo("核查活动 #4711：抽查差错率超标，已退回自查");
        });
        assertThat(of("archivist-b")).isEmpty();
        assertThat(of("head-a")).isEmpty();
    }

    @Test
    void a_self_check_the_head_returns_is_told_as_the_head_s_return_and_not_as_a_failed_sample() {
        String process = selfChecks.open(county, county.a());
        complete(process, "selfCheck", "archivist-a", Map.of());
        complete(process, "headSignOff", "head-a", Map.of("returned", true, "reason", "纸质档案未核完"));
        long campaign =
                Long.parseLong(runtimeService.getVariable(process, "campaignId").toString());
        assertThat(of("archivist-a"))
                .filteredOn(n -> n.kind() == NotificationKind.RETURN)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.messageKey()).isEqualTo("notification.campaign.returnedByHead");
                    assertThat(text(n)).isEqualTo("核查活动 #" + campaign + "：机构负责人退回自查，请在“我的任务”中查看退回原因并整改");
                    // the reason is the head's free text: it stays on the task, not in the bell or the webhook
                    assertThat(text(n)).doesNotContain("纸质档案未核完");
                });
        // the city's return has its own words too
        new TransactionTemplate(transactions)
                .executeWithoutResult(t -> events.publishEvent(
                        new CampaignSentBack(4712, List.of(county.b().getCode()), CampaignSentBack.By.CITY)));
        assertThat(of("archivist-b")).extracting(this::text).containsExactly("核查活动 #4712：市级验收退回，请重新自查");
    }

    private void complete(String process, String key, String user, Map<String, Object> variables) {
        var task = taskService
                .createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey(key)
                .singleResult();
        asUser.login(county.user(user));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            AsUser.logout();
        }
    }

    @Test
    void no_webhook_is_sent_while_its_url_is_empty() {
        requestCheckout(LocalDate.now(ChinaTime.ZONE).plusDays(7));
        assertThat(webhook.enabled()).isFalse();
        assertThat(webhook.posted()).isZero();
    }
}
