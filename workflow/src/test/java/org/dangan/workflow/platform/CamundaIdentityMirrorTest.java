package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.SelfChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's identity service agrees with our accounts (issue 18, item 6): the groups a person is in
 * are what Camunda's own queries (and Tasklist, and {@code /engine-rest}) find, asked by the engine
 * or by the person.
 */
@DanganTest
class CamundaIdentityMirrorTest {

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    CamundaIdentityMirror mirror;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    UserAccounts users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SelfChecks selfChecks;

    Fixtures.County county;
    String process;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        fixtures.record(county.a(), 1);
        process = selfChecks.open(county, county.a());
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
    }

    @Test
    void the_engine_finds_an_archivists_groups_and_the_task_offered_to_them() {
        assertTheSelfCheckIsOfferedToArchivistAOnly();
    }

    @Test
    void an_archivist_asking_as_itself_finds_its_own_groups_and_its_task_by_candidate_user() {
        String archivistA = county.user("archivist-a");
        // as /engine-rest and Tasklist ask: with the caller's name and groups, Camunda's authorizations on
        identity.setAuthentication(archivistA, groupsOf(archivistA));
        assertThat(groupsOf(archivistA)).contains("archivist-" + county.a().getCode());
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(archivistA)
                        .list())
                .extracting("taskDefinitionKey")
                .containsExactly("selfCheck");
        // nor does reading its own groups show it another township's
        assertThat(groupsOf(archivistA))
                .doesNotContain("archivist-" + county.b().getCode());

        String archivistB = county.user("archivist-b");
        identity.setAuthentication(
                archivistB, List.of("archivist", "archivist-" + county.b().getCode()));
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(archivistB)
                        .count())
                .isZero();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(archivistA)
                        .count())
                .as("another township's archivist learns nothing by naming a candidate")
                .isZero();
    }

    @Test
    void an_administrator_sees_anyones_groups_and_the_tasks_offered_to_them_as_engine_rest_asks() {
        String admin = admin();
        identity.setAuthentication(admin, groupsOf(admin));
        // GET /engine-rest/group?member=archivist-a and GET /engine-rest/task?candidateUser=archivist-a
        assertTheSelfCheckIsOfferedToArchivistAOnly();
    }

    @Test
    void the_startup_sync_gives_back_the_administrators_grant_on_every_group() {
        String admin = admin();
        // a database from before the fix: camunda-admin had READ on its own group only
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(CamundaIdentityMirror.CAMUNDA_ADMIN)
                .resourceType(Resources.GROUP)
                .resourceId(Authorization.ANY)
                .list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        identity.setAuthentication(admin, groupsOf(admin));
        assertThat(groupsOf(county.user("archivist-a"))).isEmpty();
        identity.clearAuthentication();

        mirror.synchronise();

        identity.setAuthentication(admin, groupsOf(admin));
        assertThat(groupsOf(county.user("archivist-a")))
                .contains("archivist-" + county.a().getCode());
        identity.clearAuthentication();
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(CamundaIdentityMirror.CAMUNDA_ADMIN)
                        .resourceType(Resources.GROUP)
                        .resourceId(Authorization.ANY)
                        .count())
                .isOne();
    }

    @Test
    void the_startup_sync_restores_lost_memberships_and_changes_nothing_when_run_again() {
        String archivistA = county.user("archivist-a");
        identity.deleteMembership(archivistA, "archivist-" + county.a().getCode());
        identity.deleteUser(county.user("head-a"));
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(archivistA)
                        .count())
                .isZero();

        mirror.synchronise();
        mirror.synchronise();

        assertThat(groupsOf(archivistA))
                .contains(
                        "archivist",
                        "archivist-" + county.a().getCode(),
                        "restricted-" + county.a().getCode());
        assertThat(groupsOf(county.user("head-a")))
                .containsExactlyInAnyOrder(
                        "supervisor", "supervisor-" + county.a().getCode());
        assertThat(identity.createUserQuery()
                        .memberOfGroup("archivist-" + county.a().getCode())
                        .list())
                .extracting("id")
                .containsExactly(archivistA);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(archivistA)
                        .list())
                .extracting("taskDefinitionKey")
                .containsExactly("selfCheck");
    }

    private void assertTheSelfCheckIsOfferedToArchivistAOnly() {
        String archivistA = county.user("archivist-a");
        assertThat(groupsOf(archivistA))
                .contains("archivist", "archivist-" + county.a().getCode());
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(archivistA)
                        .list())
                .extracting("taskDefinitionKey")
                .containsExactly("selfCheck");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(process)
                        .taskCandidateUser(county.user("archivist-b"))
                        .count())
                .isZero();
    }

    private String admin() {
        String admin = county.user("admin");
        users.create(
                admin, Fixtures.PASSWORD, "管理员", Role.ADMIN, county.county().getId(), Set.of());
        return admin;
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
    }
}
