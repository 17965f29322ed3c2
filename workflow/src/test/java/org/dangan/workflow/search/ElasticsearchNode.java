package org.dangan.workflow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.node.InJvmNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * One real Elasticsearch 8.19 node per test JVM, on a free port of 127.0.0.1, started on first
 * use and stopped when the JVM ends. Its Chinese analyzers are registered by a small plugin under
 * the names a cluster's analysis modules and plugins give them (cjk, smartcn, icu_analyzer).
 */
public final class ElasticsearchNode {

    private static String url;

    private ElasticsearchNode() {}

    /** The node's HTTP address, starting it when it is not running yet. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        try {
            System.setProperty("es.set.netty.runtime.available.processors", "false");
            LogConfigurator.configureESLogging();
            Path home = Files.createTempDirectory("dangan-es");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Settings settings = Settings.builder()
                    .put("path.home", home.toString())
                    .put("cluster.name", "dangan-test")
                    .put("node.name", "dangan-test-node")
                    .put("discovery.type", "single-node")
                    .put("network.host", "127.0.0.1")
                    .put("http.port", port)
                    .put("transport.port", 0)
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .build();
            Node node =
                    new InJvmNode(InJvmNode.environment(settings), List.of(Netty4Plugin.class, ChineseAnalyzers.class));
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.close();
                } catch (IOException e) {
                    // the JVM ends anyway
                }
            }));
            return "http://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the test Elasticsearch node did not start: " + e.getMessage(), e);
        }
    }

    /** Lucene's Chinese analyzers under the names Elasticsearch's analysis modules give them. */
    public static final class ChineseAnalyzers extends Plugin implements AnalysisPlugin {

        @Override
        public Map<String, AnalysisModule.AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
            Map<String, AnalysisModule.AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers =
                    new HashMap<>();
            for (ChineseAnalysis analysis : ChineseAnalysis.values()) {
                analyzers.put(
                        analysis.elasticsearchName(),
                        (indexSettings, environment, name, settings) ->
                                new AbstractIndexAnalyzerProvider<Analyzer>(name, settings) {
                                    private final Analyzer analyzer = analysis.analyzer();

                                    @Override
                                    public Analyzer get() {
                                        return analyzer;
                                    }
                                });
            }
            return analyzers;
        }
    }
}
