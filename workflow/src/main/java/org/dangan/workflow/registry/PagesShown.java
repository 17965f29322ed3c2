package org.dangan.workflow.registry;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;

/**
 * A paper file's page count as a reader may see it: without RESTRICTED_DOCUMENTS the restricted
 * contents are not shown, so the count leaves their pages out too (the whole count minus the
 * shown contents would otherwise give them away).
 */
final class PagesShown {

    private static final String RESTRICTED_TYPES = Arrays.stream(DocumentType.values()).filter(DocumentType::restricted)
            .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));

    private PagesShown() {
    }

    static boolean mayKnow(DanganUser reader, DocumentType type) {
        return !type.restricted() || reader.has(Permission.RESTRICTED_DOCUMENTS);
    }

    static int of(PaperFile file, DanganUser reader) {
        return file.getPageCount() - file.getContents().entrySet().stream().filter(e -> !mayKnow(reader, e.getKey()))
                .mapToInt(java.util.Map.Entry::getValue).sum();
    }

    /** The SQL for the count of the paper file aliased {@code f}, for this reader. */
    static String column(DanganUser reader) {
        if (reader.has(Permission.RESTRICTED_DOCUMENTS)) {
            return "f.page_count";
        }
        return "(f.page_count - coalesce((select sum(x.pages) from paper_file_content x where x.paper_file_id = f.id"
                + " and x.document_type in (" + RESTRICTED_TYPES + ")), 0))";
    }
}
