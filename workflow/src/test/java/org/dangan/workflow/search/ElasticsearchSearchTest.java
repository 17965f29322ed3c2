package org.dangan.workflow.search;

import org.dangan.workflow.support.DanganTest;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same search behaviour on a real Elasticsearch 8.19 node started in the test JVM. */
@DanganTest
@Tag("slow") // starts an Elasticsearch node and a Spring context of its own
class ElasticsearchSearchTest extends SearchBehaviour {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry properties) {
        properties.add("dangan.search.backend", () -> "elasticsearch");
        properties.add("dangan.search.elasticsearch.url", ElasticsearchNode::url);
        properties.add("dangan.search.elasticsearch.index", () -> "dangan-test-" + System.nanoTime());
    }
}
