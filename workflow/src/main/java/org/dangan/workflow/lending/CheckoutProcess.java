package org.dangan.workflow.lending;

import java.time.Clock;
import org.dangan.workflow.registry.RegistryAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the check-out model's service tasks call ({@code ${checkoutProcess...}}): files out and back, in the ledger too. */
@Component("checkoutProcess")
@Transactional
public class CheckoutProcess {

    private static final Logger log = LoggerFactory.getLogger(CheckoutProcess.class);

    private final CheckoutRepository checkouts;
    private final RegistryAdministration registry;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CheckoutProcess(
            CheckoutRepository checkouts,
            RegistryAdministration registry,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.checkouts = checkouts;
        this.registry = registry;
        this.clock = clock;
    }

    public void handOut(long checkoutId) {
        Checkout checkout = checkouts.findById(checkoutId).orElseThrow();
        checkout.handedOut();
        for (String file : checkout.getFileNumbers()) {
            registry.checkOut(
                    file, checkout.getRequestedBy(), "check-out " + checkoutId + ": " + checkout.getPurpose());
        }
    }

    public void refuse(long checkoutId) {
        log.info("check-out {} refused", checkoutId);
    }

    public void overdue(long checkoutId) {
        Checkout checkout = checkouts.findById(checkoutId).orElseThrow();
        checkout.markOverdue();
        events.publishEvent(new CheckoutOverdue(checkoutId, checkout.getRequestedBy()));
        log.info(
                "check-out {}: due on {} and not back; the institution's supervisors follow it up",
                checkoutId,
                checkout.getDueOn());
    }

    public void takeBack(long checkoutId) {
        Checkout checkout = checkouts.findById(checkoutId).orElseThrow();
        checkout.returned(clock.instant());
        for (String file : checkout.getFileNumbers()) {
            registry.giveBack(file, "check-out " + checkoutId + " returned");
        }
    }
}
