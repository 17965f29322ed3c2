package org.dangan.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of a model directory, on copies of the real models installed by src/dev/ocr-models.sh. */
class PaddleModelsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void theRealModelsAreInstalled() {
        assertThat(PaddleModels.problems(PaddleModels.SYSTEM_DIR))
                .as("the PP-OCR models at %s (install them with src/dev/ocr-models.sh)", PaddleModels.SYSTEM_DIR)
                .isEmpty();
    }

    @Test
    void the_list_kept_in_the_repository_names_the_four_files_the_engine_uses() {
        assertThat(PaddleModels.names())
                .containsExactlyInAnyOrder(
                        PaddleModels.DETECTION, PaddleModels.RECOGNITION, PaddleModels.CLASSIFIER, PaddleModels.KEYS);
        assertThat(PaddleModels.file(dir, PaddleModels.KEYS)).isEqualTo(dir.resolve("ppocr_keys_v1.txt"));
        assertThatThrownBy(() -> PaddleModels.file(dir, "../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_copy_of_the_real_models_has_no_problem() throws IOException {
        copyAll();
        assertThat(PaddleModels.problems(dir)).isEmpty();
    }

    @Test
    void a_missing_file_is_named_with_its_directory_and_the_script_that_installs_it() throws IOException {
        copyAll();
        Files.delete(dir.resolve(PaddleModels.RECOGNITION));
        assertThat(PaddleModels.problems(dir))
                .containsExactly(
                        "ch_PP-OCRv4_rec_infer.onnx is missing in " + dir + "; run src/dev/ocr-models.sh " + dir);
    }

    @Test
    void a_truncated_file_is_not_the_expected_one() throws IOException {
        copyAll();
        try (RandomAccessFile file =
                new RandomAccessFile(dir.resolve(PaddleModels.DETECTION).toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        List<String> problems = PaddleModels.problems(dir);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("ch_PP-OCRv4_det_infer.onnx in " + dir + " is not the expected file (SHA-256 ")
                .contains("expected 30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff")
                .endsWith("run src/dev/ocr-models.sh " + dir);
    }

    @Test
    void one_changed_character_of_the_dictionary_is_found() throws IOException {
        copyAll();
        Path keys = dir.resolve(PaddleModels.KEYS);
        byte[] bytes = Files.readAllBytes(keys);
        bytes[bytes.length / 2] ^= 1;
        Files.write(keys, bytes);
        assertThat(PaddleModels.problems(dir))
                .singleElement()
                .asString()
                .startsWith("ppocr_keys_v1.txt in " + dir + " is not the expected file");
    }

    @Test
    void an_absent_directory_is_one_problem_and_the_system_path_needs_no_argument() {
        Path none = dir.resolve("none");
        assertThat(PaddleModels.problems(none))
                .containsExactly(
                        "the PP-OCR model directory " + none + " does not exist; run src/dev/ocr-models.sh " + none);
        assertThat(PaddleModels.SYSTEM_DIR).isEqualTo(Path.of("/usr/local/share/dangan/ocr-models"));
    }

    @Test
    void an_empty_directory_is_one_problem_naming_the_four_files() {
        assertThat(PaddleModels.problems(dir))
                .containsExactly("the PP-OCR models ch_PP-OCRv4_det_infer.onnx, "
                        + "ch_PP-OCRv4_rec_infer.onnx, ch_ppocr_mobile_v2.0_cls_infer.onnx, ppocr_keys_v1.txt are missing in "
                        + dir + "; run src/dev/ocr-models.sh " + dir);
    }

    private void copyAll() throws IOException {
        for (String name : PaddleModels.names()) {
            Files.copy(PaddleModels.SYSTEM_DIR.resolve(name), dir.resolve(name));
        }
    }
}
