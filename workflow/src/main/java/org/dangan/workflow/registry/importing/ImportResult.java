package org.dangan.workflow.registry.importing;

import java.util.List;

/**
 * What an import did. {@code rejected} lists at most {@link RecordImporter#MAX_REPORTED}
 * rejections; {@code rejectedRows} counts every refused row.
 */
public record ImportResult(
        long accepted,
        List<Rejection> rejected,
        long rejectedRows,
        long rows,
        String encoding,
        ImportMode mode,
        boolean written,
        String sha256) {}
