package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bpmnlint itself, with its recommended rules ({@code .bpmnlintrc}), over every model: what Camunda
 * Modeler and other bpmn.io tools show a reader. Warnings count as failures (--max-warnings=0): a
 * fake join is as misleading to a reader as an error. bpmnlint is the version pinned in
 * {@code package.json}, installed with {@code npm ci} in this module (src/dev/test.sh does that).
 */
class BpmnLintTest {

    static final Path MODELS = Path.of("src/main/resources/bpmn");
    static final Path BPMNLINT = Path.of("node_modules/.bin/bpmnlint");

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void bpmnlintIsInstalled() {
        String install =
                " Install it once in the module bpmn/: `cd bpmn && npm ci` (Debian: `apt-get install nodejs npm`"
                        + " first); src/dev/test.sh does both.";
        try {
            run(List.of("node", "--version"));
        } catch (IOException e) {
            fail("Node.js is not installed (no `node` on the PATH), so bpmnlint cannot run." + install);
        }
        if (!Files.isExecutable(BPMNLINT)) {
            fail("bpmnlint is not installed in " + BPMNLINT.toAbsolutePath() + "." + install);
        }
    }

    @Test
    void the_rules_are_bpmnlints_recommended_ones_unweakened() throws IOException {
        assertThat(Files.readString(Path.of(".bpmnlintrc")).replaceAll("\\s", ""))
                .isEqualTo("{\"extends\":\"bpmnlint:recommended\"}");
    }

    @Test
    void all_nine_models_are_linted() throws IOException {
        assertThat(models()).hasSize(9);
    }

    @ParameterizedTest
    @MethodSource("models")
    void the_model_passes_bpmnlint_without_errors_or_warnings(Path model) throws Exception {
        Result result = run(List.of(BPMNLINT.toString(), "--max-warnings=0", model.toString()));
        assertThat(result.exitCode())
                .as("bpmnlint %s (rules: bpmn/.bpmnlintrc) reported:%n%s", model, result.output())
                .isZero();
        assertThat(result.output()).as("bpmnlint output for %s", model).doesNotContain("problem");
    }

    record Result(int exitCode, String output) {}

    static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read to the end first: a full pipe would stop the process before it exits
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), output);
    }
}
