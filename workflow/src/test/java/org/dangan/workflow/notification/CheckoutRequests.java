package org.dangan.workflow.notification;

import java.time.LocalDate;
import java.util.List;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A county with a boxed paper file of township A, which archivist-a asks to check out: the simplest new task. */
abstract class CheckoutRequests {

    @Autowired
    Checkouts checkouts;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    Fixtures.County county;
    String file;

    @BeforeEach
    void storeAFile() {
        county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        file = record.getRecordNumber() + "-01";
        registry.store(file, fixtures.box(county.a(), 7).getBarcode());
    }

    @AfterEach
    void logOut() {
        AsUser.logout();
    }

    Checkouts.Started requestCheckout(LocalDate until) {
        asUser.login(county.user("archivist-a"));
        try {
            return checkouts.request(new Checkouts.Request(List.of(file), "医疗纠纷核查", until));
        } finally {
            AsUser.logout();
        }
    }
}
