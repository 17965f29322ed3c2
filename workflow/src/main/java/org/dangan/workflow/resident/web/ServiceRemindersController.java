package org.dangan.workflow.resident.web;

import org.dangan.workflow.resident.ServiceReminders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' button for service reminders, on the staff API (not under /api/resident, which
 * is the residents' own): sends now what the monthly run would send, within the caller's scope.
 */
@RestController
class ServiceRemindersController {

    private final ServiceReminders reminders;

    ServiceRemindersController(ServiceReminders reminders) {
        this.reminders = reminders;
    }

    @PostMapping("/api/resident-reminders")
    ServiceReminders.Run remind() {
        return reminders.remindNow();
    }
}
