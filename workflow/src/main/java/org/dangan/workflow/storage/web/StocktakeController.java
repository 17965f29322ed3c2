package org.dangan.workflow.storage.web;

import java.util.List;
import java.util.Map;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.storage.Stocktakes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/boxes/moves} ({@code {location, barcodes}}: scanned boxes to a scanned shelf);
 * {@code POST /api/stocktakes} ({@code {room, barcodes}}) answers the reconciliation;
 * {@code GET /api/stocktakes/{id}/report.pdf}.
 */
@RestController
class StocktakeController {

    private final Stocktakes stocktakes;

    StocktakeController(Stocktakes stocktakes) {
        this.stocktakes = stocktakes;
    }

    record Move(Long location, List<String> barcodes) {}

    @PostMapping("/api/boxes/moves")
    Map<String, Integer> move(@RequestBody Move move) {
        if (move.location() == null) {
            throw Refused.invalid("stocktake.locationRequired");
        }
        return Map.of("moved", stocktakes.move(move.location(), move.barcodes()));
    }

    record Take(Long room, List<String> barcodes) {}

    @PostMapping("/api/stocktakes")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Stocktakes.Result> take(@RequestBody Take take) {
        if (take.room() == null) {
            throw Refused.invalid("stocktake.roomRequired");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(stocktakes.take(take.room(), take.barcodes()));
    }

    @GetMapping("/api/stocktakes/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("stocktake-" + id + ".pdf")
                                .build()
                                .toString())
                .body(stocktakes.report(id));
    }
}
