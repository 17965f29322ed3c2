package org.dangan.workflow.search;

import java.time.LocalDate;

/**
 * A search as a backend runs it: the parsed query, the scope it may never leave (the user's
 * institution subtree, restricted documents or not) and the filters, sort and page the user chose.
 */
record SearchRequest(
        QueryExpr query,
        long scopeRoot,
        boolean restrictedAllowed,
        Long within,
        String documentType,
        String recordNumber,
        LocalDate from,
        LocalDate to,
        Sort sort,
        int page,
        int size) {

    enum Sort {
        /** Best match first. */
        RELEVANCE,
        /** Latest document date (the date the report states, else the scan date) first. */
        DATE,
        /** By record number, then page. */
        RECORD
    }
}
