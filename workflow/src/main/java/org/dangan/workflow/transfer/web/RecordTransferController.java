package org.dangan.workflow.transfer.web;

import java.util.List;
import org.dangan.workflow.transfer.RecordTransfers;
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
 * {@code POST /api/transfers} ({@code {recordNumber, to, reason}}) answers {@code {id, processInstanceId}};
 * {@code GET /api/transfers} (out of and into the user's institutions) and {@code /api/transfers/{id}};
 * {@code POST /api/transfers/{id}/decision} ({@code {accepted, reason}}, the receiving institution).
 */
@RestController
@RequestMapping("/api/transfers")
class RecordTransferController {

    private final RecordTransfers transfers;

    RecordTransferController(RecordTransfers transfers) {
        this.transfers = transfers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordTransfers.Started> request(@RequestBody RecordTransfers.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(transfers.request(request));
    }

    @GetMapping
    List<RecordTransfers.TransferView> list() {
        return transfers.list();
    }

    @GetMapping("/{id}")
    RecordTransfers.TransferView read(@PathVariable long id) {
        return transfers.read(id);
    }

    record Decision(Boolean accepted, String reason) {}

    @PostMapping("/{id}/decision")
    ResponseEntity<Void> decide(@PathVariable long id, @RequestBody Decision decision) {
        if (decision.accepted() == null) {
            throw new IllegalArgumentException("accepted: true or false");
        }
        transfers.decide(id, decision.accepted(), decision.reason());
        return ResponseEntity.noContent().build();
    }
}
