package org.dangan.workflow.search.web;

import java.time.LocalDate;
import java.util.Map;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.search.SearchResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}; the index's state and its rebuild for administrators. */
@RestController
@RequestMapping("/api/search")
class SearchController {

    private final Search search;
    private final SearchIndex index;

    SearchController(Search search, SearchIndex index) {
        this.search = search;
        this.index = index;
    }

    @GetMapping
    SearchResult search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String institution,
            @RequestParam(required = false) String record,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(new Search.Query(q, type, institution, record, from, to, sort, page, size));
    }

    @GetMapping("/status")
    SearchIndex.Status status() {
        return index.status();
    }

    @PostMapping("/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        boolean started = index.requestRebuild();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(Map.of("started", started, "status", index.status()));
    }
}
