package org.dangan.workflow.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FirstLinesTest {

    @Test
    void answers_the_first_line_of_a_key_seen_before_and_minus_one_for_a_new_key() {
        FirstLines lines = new FirstLines();

        assertThat(lines.putIfAbsent("33010210100100001", 2)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("33010210100100002", 3)).isEqualTo(-1);
        assertThat(lines.putIfAbsent("33010210100100001", 9)).isEqualTo(2);
        assertThat(lines.putIfAbsent("33010210100100001", 12)).isEqualTo(2);
    }

    @Test
    void keeps_every_key_apart_across_table_growth_and_storage_blocks() {
        FirstLines lines = new FirstLines();
        // 300,000 keys of 17 to 40 characters: past several resizes and several 1 MB blocks
        for (int i = 0; i < 300_000; i++) {
            assertThat(lines.putIfAbsent(key(i), i + 2L)).isEqualTo(-1);
        }
        for (int i = 0; i < 300_000; i += 7) {
            assertThat(lines.putIfAbsent(key(i), 1_000_000)).isEqualTo(i + 2L);
        }
        assertThat(lines.size()).isEqualTo(300_000);
        // a prefix or an extension of a stored key is another key
        assertThat(lines.putIfAbsent(key(5).substring(0, 16), 1)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(key(5) + "0", 1)).isEqualTo(-1);
    }

    @Test
    void refuses_a_key_it_could_not_store_exactly() {
        FirstLines lines = new FirstLines();

        assertThatThrownBy(() -> lines.putIfAbsent("档案1", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lines.putIfAbsent("x".repeat(256), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String key(int i) {
        String number = "3301021010" + "%07d".formatted(i);
        return i % 3 == 0 ? number : number + "-F" + "x".repeat(i % 22);
    }
}
