package org.dangan.workflow.search;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The backend by {@code dangan.search.backend}: {@code lucene} (the default, embedded, one node)
 * or {@code elasticsearch} (a cluster, for several nodes).
 */
@Configuration
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchBackend searchBackend(
            @Value("${dangan.search.backend:lucene}") String backend,
            @Value("${dangan.search.analysis:BIGRAM}") ChineseAnalysis analysis,
            @Value("${dangan.search.lucene.path:${dangan.home}/search}") String lucenePath,
            @Value("${dangan.cluster:false}") boolean cluster,
            @Value("${dangan.search.elasticsearch.url:http://localhost:9200}") String url,
            @Value("${dangan.search.elasticsearch.username:}") String username,
            @Value("${dangan.search.elasticsearch.password:}") String password,
            @Value("${dangan.search.elasticsearch.index:dangan-pages}") String alias) {
        return switch (backend.strip().toLowerCase()) {
            case "lucene" -> {
                if (cluster) {
                    throw new IllegalStateException(
                            "dangan.search.backend=lucene cannot serve a cluster"
                                    + " (dangan.cluster=true): an embedded Lucene index lives on one node, the others would"
                                    + " neither see its updates nor may they write to it. Set dangan.search.backend=elasticsearch.");
                }
                yield new LuceneBackend(Path.of(lucenePath), analysis);
            }
            case "elasticsearch" -> new ElasticsearchBackend(url, username, password, alias, analysis);
            default ->
                throw new IllegalStateException(
                        "dangan.search.backend: " + backend + " is not one of lucene, elasticsearch");
        };
    }
}
