package org.dangan.workflow.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.dangan.workflow.document.ArchivedPages.ArchivedPage;
import org.elasticsearch.client.RestClient;

/**
 * The index in an Elasticsearch cluster, through the official Java client. The application reads
 * and writes an alias; each build of the index is a concrete index behind it with explicit
 * mappings, and a rebuild moves the alias in one atomic alias update. Writes are bulk requests
 * that wait for the refresh, so what the outbox applied is searchable when the drain returns.
 * Only plain index, bulk, search and alias calls are used (no scripts, no delete-by-query).
 */
final class ElasticsearchBackend implements SearchBackend {

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String alias;
    private final ChineseAnalysis analysis;

    ElasticsearchBackend(String url, String username, String password, String alias, ChineseAnalysis analysis) {
        this.alias = alias;
        this.analysis = analysis;
        var builder = RestClient.builder(HttpHost.create(url));
        if (username != null && !username.isBlank()) {
            String basic =
                    Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
        }
        this.rest = builder.build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @Override
    public String name() {
        return "elasticsearch (" + analysis.elasticsearchName() + ")";
    }

    private TypeMapping mapping() {
        String analyzer = analysis.elasticsearchName();
        return TypeMapping.of(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                .properties("document_id", p -> p.long_(l -> l))
                .properties("page", p -> p.integer(i -> i))
                .properties("record", p -> p.keyword(k -> k))
                .properties("name", p -> p.text(t -> t.analyzer(analyzer)))
                .properties(
                        "text",
                        p -> p.text(t -> t.analyzer(analyzer)
                                .indexOptions(co.elastic.clients.elasticsearch._types.mapping.IndexOptions.Offsets)))
                .properties("type", p -> p.keyword(k -> k))
                .properties("institution", p -> p.keyword(k -> k))
                .properties("scope", p -> p.keyword(k -> k))
                .properties("restricted", p -> p.boolean_(b -> b))
                .properties("date", p -> p.date(d -> d.format("yyyy-MM-dd"))));
    }

    private String createIndex() {
        String name = alias + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())
                        .toLowerCase();
        try {
            client.indices()
                    .create(c -> c.index(name)
                            .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                            .mappings(mapping()));
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index " + name + " in Elasticsearch", e);
        }
    }

    private boolean aliasExists() {
        try {
            return client.indices().existsAlias(a -> a.name(alias)).value();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch", e);
        }
    }

    @Override
    public synchronized void replace(Collection<Long> documentIds, List<ArchivedPage> pages) {
        if (!aliasExists()) {
            // nothing built yet: start an empty index so updates land somewhere; the rebuild fills the rest
            String index = createIndex();
            try {
                client.indices()
                        .updateAliases(u ->
                                u.actions(a -> a.add(add -> add.index(index).alias(alias))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            List<String> stale = new ArrayList<>();
            if (!documentIds.isEmpty()) {
                SearchResponse<Void> old = client.search(
                        s -> s.index(alias)
                                .size(10_000)
                                .source(src -> src.fetch(false))
                                .query(q -> q.terms(t -> t.field("document_id")
                                        .terms(v -> v.value(documentIds.stream()
                                                .map(FieldValue::of)
                                                .toList())))),
                        Void.class);
                old.hits().hits().forEach(h -> stale.add(h.id()));
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
            Map<String, ArchivedPage> fresh = new LinkedHashMap<>();
            pages.forEach(p -> fresh.put(p.documentId() + ":" + p.page(), p));
            stale.stream()
                    .filter(id -> !fresh.containsKey(id))
                    .forEach(id ->
                            bulk.operations(o -> o.delete(d -> d.index(alias).id(id))));
            fresh.forEach((id, page) ->
                    bulk.operations(o -> o.index(i -> i.index(alias).id(id).document(source(page)))));
            if (stale.isEmpty() && fresh.isEmpty()) {
                return;
            }
            check(client.bulk(bulk.build()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to Elasticsearch", e);
        }
    }

    private static void check(BulkResponse response) {
        if (response.errors()) {
            String first = response.items().stream()
                    .filter(i -> i.error() != null)
                    .map(i -> i.id() + ": " + i.error().reason())
                    .findFirst()
                    .orElse("?");
            throw new IllegalStateException("Elasticsearch refused a bulk write, first: " + first);
        }
    }

    private static Map<String, Object> source(ArchivedPage page) {
        Map<String, Object> s = new HashMap<>();
        s.put("document_id", page.documentId());
        s.put("page", page.page());
        s.put("record", page.recordNumber());
        s.put("name", page.residentName() == null ? "" : page.residentName());
        s.put("text", page.text());
        s.put("type", page.documentType().name());
        s.put("institution", Long.toString(page.institutionId()));
        s.put("scope", page.institutionPath().stream().map(String::valueOf).toList());
        s.put("restricted", page.restricted());
        s.put("date", LuceneBackend.date(page).toString());
        return s;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (!aliasExists()) {
            return new SearchResult(0, List.of(), Map.of("documentType", Map.of(), "institution", Map.of()));
        }
        try {
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = client.search(
                    s -> {
                        s.index(alias)
                                .query(query(request))
                                .from(request.page() * request.size())
                                .size(request.size())
                                .trackTotalHits(t -> t.enabled(true))
                                .source(src -> src.filter(f -> f.includes(
                                        "document_id", "page", "record", "type", "institution", "date", "text")))
                                .aggregations(
                                        "documentType",
                                        a -> a.terms(t -> t.field("type").size(50)))
                                .aggregations(
                                        "institution",
                                        a -> a.terms(t -> t.field("institution").size(1000)))
                                .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                        .preTags("<em>")
                                        .postTags("</em>")
                                        .fields(
                                                "text",
                                                f -> f.numberOfFragments(1).fragmentSize(Snippets.LENGTH)));
                        switch (request.sort()) {
                            case DATE ->
                                s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Desc)))
                                        .sort(o ->
                                                o.field(f -> f.field("record").order(SortOrder.Asc)))
                                        .sort(o -> o.field(f -> f.field("page").order(SortOrder.Asc)));
                            case RECORD ->
                                s.sort(o -> o.field(f -> f.field("record").order(SortOrder.Asc)))
                                        .sort(o -> o.field(f -> f.field("page").order(SortOrder.Asc)));
                            case RELEVANCE -> {}
                        }
                        return s;
                    },
                    Map.class);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
                Map<?, ?> src = hit.source();
                List<String> highlights = hit.highlight().get("text");
                String snippet = highlights != null && !highlights.isEmpty()
                        ? highlights.get(0)
                        : Snippets.opening((String) src.get("text"));
                hits.add(new SearchResult.Hit(
                        ((Number) src.get("document_id")).longValue(),
                        ((Number) src.get("page")).intValue(),
                        (String) src.get("record"),
                        (String) src.get("type"),
                        snippet,
                        (String) src.get("institution"),
                        LocalDate.parse((String) src.get("date"))));
            }
            long total = response.hits().total() == null
                    ? hits.size()
                    : response.hits().total().value();
            return new SearchResult(
                    total,
                    hits,
                    Map.of(
                            "documentType",
                            buckets(response, "documentType"),
                            "institution",
                            buckets(response, "institution")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search in Elasticsearch", e);
        }
    }

    private static Map<String, Long> buckets(@SuppressWarnings("rawtypes") SearchResponse<Map> response, String name) {
        Map<String, Long> counts = new HashMap<>();
        for (StringTermsBucket b :
                response.aggregations().get(name).sterms().buckets().array()) {
            counts.put(b.key().stringValue(), b.docCount());
        }
        return counts;
    }

    private Query query(SearchRequest request) {
        BoolQuery.Builder b = new BoolQuery.Builder()
                .must(translate(request.query()))
                .filter(f -> f.term(t -> t.field("scope").value(Long.toString(request.scopeRoot()))));
        if (!request.restrictedAllowed()) {
            b.filter(f -> f.term(t -> t.field("restricted").value(false)));
        }
        if (request.within() != null) {
            b.filter(f -> f.term(t -> t.field("scope").value(request.within().toString())));
        }
        if (request.documentType() != null) {
            b.filter(f -> f.term(t -> t.field("type").value(request.documentType())));
        }
        if (request.recordNumber() != null) {
            b.filter(f -> f.term(t -> t.field("record").value(request.recordNumber())));
        }
        if (request.from() != null || request.to() != null) {
            b.filter(f -> f.range(r -> r.date(d -> {
                d.field("date");
                if (request.from() != null) {
                    d.gte(request.from().toString());
                }
                if (request.to() != null) {
                    d.lte(request.to().toString());
                }
                return d;
            })));
        }
        return Query.of(q -> q.bool(b.build()));
    }

    private Query translate(QueryExpr expr) {
        if (expr instanceof QueryExpr.Text t) {
            return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.matchPhrase(m -> m.field("text").query(t.text())))
                    .should(s -> s.matchPhrase(m -> m.field("name").query(t.text())))
                    .should(s -> s.term(m -> m.field("record").value(t.text())))));
        }
        if (expr instanceof QueryExpr.And and) {
            BoolQuery.Builder b = new BoolQuery.Builder();
            boolean positive = false;
            for (QueryExpr part : and.parts()) {
                if (part instanceof QueryExpr.Not not) {
                    b.mustNot(translate(not.negated()));
                } else {
                    b.must(translate(part));
                    positive = true;
                }
            }
            if (!positive) {
                b.must(m -> m.matchAll(a -> a));
            }
            return Query.of(q -> q.bool(b.build()));
        }
        if (expr instanceof QueryExpr.Or or) {
            BoolQuery.Builder b = new BoolQuery.Builder().minimumShouldMatch("1");
            or.parts().forEach(part -> b.should(translate(part)));
            return Query.of(q -> q.bool(b.build()));
        }
        if (expr instanceof QueryExpr.Not not) {
            return Query.of(q -> q.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(translate(not.negated()))));
        }
        return Query.of(q -> q.matchAll(a -> a));
    }

    @Override
    public long pages() {
        if (!aliasExists()) {
            return 0;
        }
        try {
            return client.count(c -> c.index(alias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch", e);
        }
    }

    @Override
    public boolean needsRebuild() {
        return !aliasExists();
    }

    @Override
    public Rebuild rebuild() {
        String index = createIndex();
        return new Rebuild() {
            private boolean completed;

            @Override
            public void add(List<ArchivedPage> pages) {
                if (pages.isEmpty()) {
                    return;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                pages.forEach(p -> bulk.operations(o -> o.index(
                        i -> i.index(index).id(p.documentId() + ":" + p.page()).document(source(p)))));
                try {
                    check(client.bulk(bulk.build()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write to Elasticsearch", e);
                }
            }

            @Override
            public void complete() {
                synchronized (ElasticsearchBackend.this) {
                    try {
                        client.indices().refresh(r -> r.index(index));
                        List<String> old = aliasExists()
                                ? new ArrayList<>(client.indices()
                                        .getAlias(a -> a.name(alias))
                                        .result()
                                        .keySet())
                                : List.of();
                        client.indices().updateAliases(u -> {
                            old.forEach(
                                    o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
                            return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
                        });
                        completed = true;
                        for (String o : old) {
                            client.indices().delete(d -> d.index(o));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot put the new index in place", e);
                    }
                }
            }

            @Override
            public void close() {
                if (!completed) {
                    try {
                        client.indices().delete(d -> d.index(index));
                    } catch (IOException | RuntimeException e) {
                        // the abandoned index is left; it is not behind the alias and harms nothing
                    }
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
