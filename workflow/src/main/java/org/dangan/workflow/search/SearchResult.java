package org.dangan.workflow.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of hits, how many there are in all, and the facet counts ({@code documentType} and
 * {@code institution}) over all of them. Snippets are HTML-escaped with the matches in {@code <em>}.
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(
            long documentId,
            int page,
            String recordNumber,
            String documentType,
            String snippet,
            String institution,
            LocalDate date) {}
}
