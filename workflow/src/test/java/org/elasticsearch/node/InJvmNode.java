package org.elasticsearch.node;

import java.util.Collection;
import java.util.Map;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * A real Elasticsearch node in the test JVM, built as MockNode builds one but without its refusal
 * to run as root (CI runs as root); the plugins are the given classes on the classpath. In this
 * package because Node's constructor from a NodeConstruction is package-private.
 */
public final class InJvmNode extends Node {

    public InJvmNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(
                environment,
                null,
                new NodeServiceProvider() {
                    @Override
                    PluginsService newPluginService(Environment env, PluginsLoader loader) {
                        return new MockPluginsService(env.settings(), env, plugins);
                    }
                },
                false));
    }

    public static Environment environment(Settings settings) {
        return InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "dangan-test");
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        // the node and cluster id listener is static in Elasticsearch: a second node in the JVM would fail on it
    }
}
