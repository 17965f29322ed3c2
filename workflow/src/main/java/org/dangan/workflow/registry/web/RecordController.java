package org.dangan.workflow.registry.web;

import java.time.LocalDate;
import java.util.Set;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.Page;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.RecordMerge;
import org.dangan.workflow.registry.RecordQuery;
import org.dangan.workflow.registry.RecordStatus;
import org.dangan.workflow.registry.RecordSummary;
import org.dangan.workflow.registry.Records;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/records")
class RecordController {

    private final Records records;
    private final RecordMerge recordMerge;

    RecordController(Records records, RecordMerge recordMerge) {
        this.records = records;
        this.recordMerge = recordMerge;
    }

    @GetMapping
    Page<RecordSummary> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String institution,
            @RequestParam(required = false) RecordStatus status,
            @RequestParam(required = false) KeyPopulation keyPopulation,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return records.list(new RecordQuery(q, institution, status, keyPopulation), page, size);
    }

    @GetMapping("/{recordNumber}")
    RecordDetail read(@PathVariable String recordNumber) {
        return records.read(recordNumber);
    }

    record Merge(String duplicate, Set<String> take) {}

    /**
     * {@code POST /api/records/{recordNumber}/merge} ({@code {duplicate, take: [field...]}}): the
     * duplicate goes into this record, which takes the named fields from it.
     */
    @PostMapping("/{recordNumber}/merge")
    RecordMerge.Merged merge(@PathVariable String recordNumber, @RequestBody Merge merge) {
        return recordMerge.merge(recordNumber, merge.duplicate(), merge.take());
    }

    record Death(LocalDate date) {}

    /** {@code POST /api/records/{recordNumber}/death} ({@code {date}}): the resident died on that day. */
    @PostMapping("/{recordNumber}/death")
    ResponseEntity<Void> death(@PathVariable String recordNumber, @RequestBody Death death) {
        records.recordDeath(recordNumber, death.date());
        return ResponseEntity.noContent().build();
    }
}
