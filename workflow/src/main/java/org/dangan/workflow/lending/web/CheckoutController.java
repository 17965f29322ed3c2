package org.dangan.workflow.lending.web;

import java.util.List;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/checkouts} ({@code {fileNumbers, purpose, until}}) answers {@code {id,
 * processInstanceId}}; {@code GET /api/checkouts} (the latest 200 of the user's institutions);
 * {@code GET /api/checkouts/{id}}; {@code POST /api/checkouts/{id}/decision}
 * ({@code {approved, reason}}, a supervisor); {@code POST /api/checkouts/{id}/return} (an archivist).
 */
@RestController
@RequestMapping("/api/checkouts")
class CheckoutController {

    private final Checkouts checkouts;

    CheckoutController(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Checkouts.Started> request(@RequestBody Checkouts.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(checkouts.request(request));
    }

    @GetMapping
    List<Checkouts.CheckoutView> list() {
        return checkouts.list();
    }

    @GetMapping("/{id}")
    Checkouts.CheckoutView read(@PathVariable long id) {
        return checkouts.read(id);
    }

    record Decision(Boolean approved, String reason) {}

    @PostMapping("/{id}/decision")
    ResponseEntity<Void> decide(@PathVariable long id, @RequestBody Decision decision) {
        if (decision.approved() == null) {
            throw Refused.invalid("task.decisionRequired");
        }
        checkouts.decide(id, decision.approved(), decision.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/return")
    ResponseEntity<Void> giveBack(@PathVariable long id) {
        checkouts.giveBack(id);
        return ResponseEntity.noContent().build();
    }
}
