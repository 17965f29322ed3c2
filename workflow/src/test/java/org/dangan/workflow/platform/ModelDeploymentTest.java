package org.dangan.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.dangan.workflow.support.DanganTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine deploys every model of the bpmn module at start, and nothing else: the deployment
 * pattern names the module's folders instead of searching every jar (issue 21), so a model put
 * anywhere else would silently be left out.
 */
@DanganTest
class ModelDeploymentTest {

    @Autowired
    RepositoryService repository;

    @Test
    void every_model_of_the_bpmn_module_is_deployed() throws IOException {
        Set<String> deployed = repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
                .map(Resource::getName)
                .map(name -> Path.of(name).getFileName().toString())
                .collect(Collectors.toSet());

        assertThat(deployed).isEqualTo(modelFiles()).hasSizeGreaterThanOrEqualTo(12);
    }

    /** The module's sources, read from the file system, not through the pattern under test. */
    private static Set<String> modelFiles() throws IOException {
        Path resources = Path.of("..", "bpmn", "src", "main", "resources");
        try (Stream<Path> files = Files.walk(resources)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".cmmn"))
                    .collect(Collectors.toSet());
        }
    }
}
