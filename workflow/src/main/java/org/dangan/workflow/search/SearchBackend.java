package org.dangan.workflow.search;

import java.util.Collection;
import java.util.List;
import org.dangan.workflow.document.ArchivedPages.ArchivedPage;

/**
 * Where the pages are indexed and searched: embedded Lucene or an Elasticsearch cluster. Both take
 * the same requests and answer the same results; the behaviour tests run against each. Facet and
 * hit institutions are answered as ids; the service names them.
 */
interface SearchBackend extends AutoCloseable {

    String name();

    /** Removes every page of the given documents, then indexes the given pages (of some of them). */
    void replace(Collection<Long> documentIds, List<ArchivedPage> pages);

    SearchResult search(SearchRequest request);

    /** Pages in the index now. */
    long pages();

    /** True when the index is missing or cannot be read, so it must be built from the database. */
    boolean needsRebuild();

    /** A new, empty index beside the one in use; it replaces it, atomically, on {@link Rebuild#complete()}. */
    Rebuild rebuild();

    interface Rebuild extends AutoCloseable {

        void add(List<ArchivedPage> pages);

        void complete();

        /** Discards the new index unless it was completed. */
        @Override
        void close();
    }

    @Override
    void close();
}
