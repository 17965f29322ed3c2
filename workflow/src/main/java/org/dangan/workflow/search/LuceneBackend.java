package org.dangan.workflow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.dangan.workflow.document.ArchivedPages.ArchivedPage;
import org.dangan.workflow.platform.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded index: Lucene in the application's own directory. Each build of the index is a
 * generation in a directory of its own; the file {@code current} names the one in use, so a
 * rebuild fills a new generation while the old one answers, and the switch is one atomic rename.
 * One node only: Lucene allows one writer per directory.
 */
final class LuceneBackend implements SearchBackend {

    private static final Logger log = LoggerFactory.getLogger(LuceneBackend.class);
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        // offsets in the postings let the highlighter find the matches without analysing the page again
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private final Path root;
    private final ChineseAnalysis analysis;
    private final Analyzer analyzer;
    private volatile Generation current;
    private boolean unreadable;

    private record Generation(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers) {

        void close() {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    LuceneBackend(Path root, ChineseAnalysis analysis) {
        this.root = root;
        this.analysis = analysis;
        this.analyzer = new PerFieldAnalyzerWrapper(analysis.analyzer());
        try {
            Files.createDirectories(root);
            Path pointer = root.resolve("current");
            String name = Files.exists(pointer) ? Files.readString(pointer).strip() : null;
            if (name != null && DirectoryReader.indexExists(FSDirectory.open(root.resolve(name)))) {
                current = open(root.resolve(name), false);
            } else {
                current = open(root.resolve(newGenerationName()), true);
                unreadable = true;
                writePointer(current.dir());
            }
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException(
                    "the search index under " + root + " is in use by another Dang'an process"
                            + " (the running application?): stop it first, or rebuild from the administration screen",
                    e);
        } catch (IOException | RuntimeException e) {
            // a corrupt index is derived data: an empty one stands in until the rebuild has run
            log.warn("search index under {} cannot be opened ({}); it will be rebuilt", root, e.getMessage());
            unreadable = true;
            try {
                current = open(root.resolve(newGenerationName()), true);
                writePointer(current.dir());
            } catch (IOException again) {
                throw new UncheckedIOException("cannot create a search index under " + root, again);
            }
        }
    }

    @Override
    public String name() {
        return "lucene (" + analysis.name().toLowerCase() + ")";
    }

    private Generation open(Path dir, boolean create) throws IOException {
        Directory directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        if (create) {
            writer.commit();
        }
        return new Generation(dir, directory, writer, new SearcherManager(writer, null));
    }

    private static String newGenerationName() {
        return "generation-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now());
    }

    private void writePointer(Path generation) throws IOException {
        Path temp = root.resolve("current.tmp");
        Files.writeString(temp, generation.getFileName().toString());
        try {
            Files.move(
                    temp, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, root.resolve("current"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public synchronized void replace(Collection<Long> documentIds, List<ArchivedPage> pages) {
        Generation g = current;
        try {
            for (Long id : documentIds) {
                g.writer().deleteDocuments(new Term("doc", id.toString()));
            }
            for (ArchivedPage page : pages) {
                g.writer().addDocument(document(page));
            }
            g.writer().commit();
            g.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    private static Document document(ArchivedPage page) {
        Document d = new Document();
        d.add(new StringField("doc", Long.toString(page.documentId()), Field.Store.YES));
        d.add(new StoredField("page", page.page()));
        d.add(new IntPoint("page", page.page()));
        d.add(new StringField("record", page.recordNumber(), Field.Store.YES));
        d.add(new SortedDocValuesField("record", new BytesRef(page.recordNumber())));
        d.add(new NumericDocValuesField("page_order", page.page()));
        d.add(new TextField("name", page.residentName() == null ? "" : page.residentName(), Field.Store.NO));
        d.add(new Field("text", page.text(), TEXT_WITH_OFFSETS));
        d.add(new StringField("type", page.documentType().name(), Field.Store.YES));
        d.add(new SortedDocValuesField("type", new BytesRef(page.documentType().name())));
        d.add(new StringField("institution", Long.toString(page.institutionId()), Field.Store.YES));
        d.add(new SortedDocValuesField("institution", new BytesRef(Long.toString(page.institutionId()))));
        for (Long ancestor : page.institutionPath()) {
            d.add(new StringField("scope", ancestor.toString(), Field.Store.NO));
        }
        d.add(new StringField("restricted", page.restricted() ? "1" : "0", Field.Store.NO));
        long day = date(page).toEpochDay();
        d.add(new LongPoint("date", day));
        d.add(new NumericDocValuesField("date", day));
        d.add(new StoredField("date", day));
        return d;
    }

    /** The date a searcher filters and sorts by: the one the report states, else the day (in China) it was scanned. */
    static LocalDate date(ArchivedPage page) {
        return page.documentDate() != null
                ? page.documentDate()
                : page.scannedAt().atZone(ChinaTime.ZONE).toLocalDate();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        Query query = query(request);
        Generation g = current;
        IndexSearcher searcher;
        try {
            searcher = g.searchers().acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int n = (request.page() + 1) * request.size();
            // one pass over the matches gathers the page of hits and the counts over all of them
            CollectorManager<?, ? extends TopDocs> hitsManager = switch (request.sort()) {
                case RELEVANCE -> new TopScoreDocCollectorManager(n, null, n, false);
                case DATE ->
                    new TopFieldCollectorManager(
                            new Sort(
                                    new SortField("date", SortField.Type.LONG, true),
                                    new SortField("record", SortField.Type.STRING),
                                    new SortField("page_order", SortField.Type.LONG)),
                            n,
                            null,
                            n,
                            false);
                case RECORD ->
                    new TopFieldCollectorManager(
                            new Sort(
                                    new SortField("record", SortField.Type.STRING),
                                    new SortField("page_order", SortField.Type.LONG)),
                            n,
                            null,
                            n,
                            false);
            };
            Object[] both = searcher.search(query, new MultiCollectorManager(hitsManager, new FacetCounts()));
            TopDocs top = (TopDocs) both[0];
            FacetCounts.Counts counts = (FacetCounts.Counts) both[1];
            int from = Math.min(request.page() * request.size(), top.scoreDocs.length);
            ScoreDoc[] window = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            TopDocs page = new TopDocs(top.totalHits, window);
            // each hit's stored fields read once: the highlighter is given the texts read here
            // rather than decompressing the same blocks again (a third of a search's CPU was that)
            StoredFields stored = searcher.storedFields();
            Document[] documents = new Document[window.length];
            Map<Integer, String> texts = new HashMap<>();
            for (int i = 0; i < window.length; i++) {
                documents[i] = stored.document(window[i].doc);
                texts.put(window[i].doc, documents[i].get("text"));
            }
            String[] snippets = window.length == 0
                    ? new String[0]
                    : new ReadTexts(
                                    UnifiedHighlighter.builder(searcher, analyzer)
                                            .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                                            .withMaxLength(100_000),
                                    texts)
                            .highlight("text", marked(request.query()), page, 1);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = 0; i < window.length; i++) {
                Document d = documents[i];
                String snippet = snippets[i] != null ? snippets[i] : Snippets.opening(d.get("text"));
                hits.add(new SearchResult.Hit(
                        Long.parseLong(d.get("doc")),
                        d.getField("page").numericValue().intValue(),
                        d.get("record"),
                        d.get("type"),
                        snippet,
                        d.get("institution"),
                        LocalDate.ofEpochDay(d.getField("date").numericValue().longValue())));
            }
            return new SearchResult(
                    counts.total(), hits, Map.of("documentType", counts.types(), "institution", counts.institutions()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        } finally {
            try {
                g.searchers().release(searcher);
            } catch (IOException e) {
                log.warn("cannot release a searcher: {}", e.getMessage());
            }
        }
    }

    Query query(SearchRequest request) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(translate(request.query()), Occur.MUST);
        q.add(new TermQuery(new Term("scope", Long.toString(request.scopeRoot()))), Occur.FILTER);
        if (!request.restrictedAllowed()) {
            q.add(new TermQuery(new Term("restricted", "0")), Occur.FILTER);
        }
        if (request.within() != null) {
            q.add(new TermQuery(new Term("scope", request.within().toString())), Occur.FILTER);
        }
        if (request.documentType() != null) {
            q.add(new TermQuery(new Term("type", request.documentType())), Occur.FILTER);
        }
        if (request.recordNumber() != null) {
            q.add(new TermQuery(new Term("record", request.recordNumber())), Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            q.add(
                    LongPoint.newRangeQuery(
                            "date",
                            request.from() == null
                                    ? Long.MIN_VALUE
                                    : request.from().toEpochDay(),
                            request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay()),
                    Occur.FILTER);
        }
        return q.build();
    }

    private Query translate(QueryExpr expr) {
        if (expr instanceof QueryExpr.Text t) {
            return text(t.text());
        }
        if (expr instanceof QueryExpr.And and) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (QueryExpr part : and.parts()) {
                if (part instanceof QueryExpr.Not not) {
                    b.add(translate(not.negated()), Occur.MUST_NOT);
                } else {
                    b.add(translate(part), Occur.MUST);
                    positive = true;
                }
            }
            if (!positive) {
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            return b.build();
        }
        if (expr instanceof QueryExpr.Or or) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            or.parts().forEach(part -> b.add(translate(part), Occur.SHOULD));
            return b.build();
        }
        if (expr instanceof QueryExpr.Not not) {
            return new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(translate(not.negated()), Occur.MUST_NOT)
                    .build();
        }
        return new MatchAllDocsQuery();
    }

    /** A highlighter that takes the pages' texts from the hits already read, not from the index again. */
    private static final class ReadTexts extends UnifiedHighlighter {

        private final Map<Integer, String> texts;

        ReadTexts(UnifiedHighlighter.Builder builder, Map<Integer, String> texts) {
            super(builder);
            this.texts = texts;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                CharSequence[] row = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    row[f] = fields[f].equals("text") ? texts.getOrDefault(doc, "") : null;
                }
                values.add(row);
            }
            return values;
        }
    }

    /**
     * What a snippet marks: the words asked for (not those excluded) in the page's text. The
     * highlighter runs its query again for every hit shown; with the whole query that included the
     * scope, type and date filters (a date range reads its points tree) and the name and record
     * clauses, half of a search's CPU (docs/benchmarks.md, issue 21).
     */
    private Query marked(QueryExpr expr) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        QueryBuilder phrases = new QueryBuilder(analyzer);
        for (String words : expr.wordsAskedFor()) {
            Query phrase = phrases.createPhraseQuery("text", words);
            if (phrase != null) {
                b.add(phrase, Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** The term's characters side by side in the text or the name, or the term as the record number. */
    private Query text(String text) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query inText = builder.createPhraseQuery("text", text);
        Query inName = builder.createPhraseQuery("name", text);
        if (inText != null) {
            b.add(inText, Occur.SHOULD);
        }
        if (inName != null) {
            b.add(inName, Occur.SHOULD);
        }
        b.add(new TermQuery(new Term("record", text)), Occur.SHOULD);
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? new MatchNoDocsQuery() : q;
    }

    @Override
    public long pages() {
        Generation g = current;
        try {
            IndexSearcher searcher = g.searchers().acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                g.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean needsRebuild() {
        return unreadable;
    }

    @Override
    public Rebuild rebuild() {
        Generation fresh;
        try {
            fresh = open(root.resolve(newGenerationName()), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a new search index under " + root, e);
        }
        return new Rebuild() {
            private boolean completed;

            @Override
            public void add(List<ArchivedPage> pages) {
                try {
                    for (ArchivedPage page : pages) {
                        fresh.writer().addDocument(document(page));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the new search index", e);
                }
            }

            @Override
            public void complete() {
                synchronized (LuceneBackend.this) {
                    try {
                        fresh.writer().forceMerge(1);
                        fresh.writer().commit();
                        fresh.searchers().maybeRefreshBlocking();
                        writePointer(fresh.dir());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot complete the new search index", e);
                    }
                    Generation old = current;
                    current = fresh;
                    unreadable = false;
                    completed = true;
                    old.close();
                    // every other generation goes: the one replaced, a corrupt one set aside, a rebuild
                    // that a crash left half done
                    try (Stream<Path> generations = Files.list(root)) {
                        generations
                                .filter(Files::isDirectory)
                                .filter(d -> !d.equals(fresh.dir()))
                                .forEach(LuceneBackend::delete);
                    } catch (IOException e) {
                        log.warn("cannot list the old search indexes under {}: {}", root, e.getMessage());
                    }
                }
            }

            @Override
            public void close() {
                if (!completed) {
                    fresh.close();
                    delete(fresh.dir());
                }
            }
        };
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot remove the old search index {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        current.close();
    }

    /** Pages found and their counts by document type and institution, over every hit. */
    private static final class FacetCounts implements CollectorManager<FacetCounts.Leafs, FacetCounts.Counts> {

        record Counts(long total, Map<String, Long> types, Map<String, Long> institutions) {}

        static final class Leafs implements Collector {
            long total;
            final Map<String, Long> types = new HashMap<>();
            final Map<String, Long> institutions = new HashMap<>();

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                var type = DocValues.getSorted(context.reader(), "type");
                var institution = DocValues.getSorted(context.reader(), "institution");
                long[] typeCounts = new long[type.getValueCount()];
                long[] institutionCounts = new long[institution.getValueCount()];
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        total++;
                        if (type.advanceExact(doc)) {
                            typeCounts[type.ordValue()]++;
                        }
                        if (institution.advanceExact(doc)) {
                            institutionCounts[institution.ordValue()]++;
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        for (int o = 0; o < typeCounts.length; o++) {
                            if (typeCounts[o] > 0) {
                                types.merge(type.lookupOrd(o).utf8ToString(), typeCounts[o], Long::sum);
                            }
                        }
                        for (int o = 0; o < institutionCounts.length; o++) {
                            if (institutionCounts[o] > 0) {
                                institutions.merge(
                                        institution.lookupOrd(o).utf8ToString(), institutionCounts[o], Long::sum);
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Leafs newCollector() {
            return new Leafs();
        }

        @Override
        public Counts reduce(Collection<Leafs> collectors) {
            long total = 0;
            Map<String, Long> types = new HashMap<>();
            Map<String, Long> institutions = new HashMap<>();
            for (Leafs l : collectors) {
                total += l.total;
                l.types.forEach((k, v) -> types.merge(k, v, Long::sum));
                l.institutions.forEach((k, v) -> institutions.merge(k, v, Long::sum));
            }
            return new Counts(total, types, institutions);
        }
    }
}
