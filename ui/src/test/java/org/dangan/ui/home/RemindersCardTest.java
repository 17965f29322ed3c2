package org.dangan.ui.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.Set;
import org.dangan.ui.shell.HomeView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Residents;
import org.dangan.workflow.support.SmsGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 19, item 5: a supervisor of the pilot sends the month's service reminders from the home page. */
class RemindersCardTest extends KaribuTest {

    @Autowired
    Residents residents;

    @Autowired
    RegistryAdministration registry;

    @Test
    void a_supervisor_of_the_pilot_is_told_how_many_and_sends_them_after_confirming() {
        Fixtures.County county = fixtures.county();
        LocalDate birth = LocalDate.of(1958, 2, 3);
        String phone = SmsGateway.newPhone();
        registry.register(new HealthRecord(
                        RecordNumber.of(county.a().getCode() + "001" + "00031"),
                        "居民31",
                        Gender.MALE,
                        birth,
                        Fixtures.idNumber(county.a().getCode().substring(0, 6), birth, Gender.MALE, 31),
                        county.a().getId())
                .contact(phone, "测试地址")
                .tagged(Set.of(KeyPopulation.HYPERTENSION))
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusDays(120)));

        // not yet in the pilot: no card
        login(county.user("head-a"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(Div.class, spec -> spec.withId("home-reminders"))).isEmpty();

        residents.openPilotTo(county.a());
        newSession();
        login(county.user("head-a"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(Div.class, spec -> spec.withId("reminders-due"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("1");
        _click(_get(Button.class, spec -> spec.withId("reminders-send")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("reminders-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("将向 1 位居民发送随访提醒短信");
        assertThat(SmsGateway.to(phone)).isEmpty();
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(SmsGateway.to(phone))
                .singleElement()
                .satisfies(m -> assertThat(m.templateId()).isEqualTo("service-due"));
        assertThat(_get(Div.class, spec -> spec.withId("reminders-due"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("0");

        // an archivist has no such button
        newSession();
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(Div.class, spec -> spec.withId("home-reminders"))).isEmpty();
    }
}
