package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dangan.workflow.platform.Refused;
import org.junit.jupiter.api.Test;

class PaperFileTest {

    private PaperFile received() {
        return new PaperFile(
                "13012310120100001-01", 1L, Map.of(DocumentType.BASIC_INFO, 2, DocumentType.HEALTH_EXAM, 6));
    }

    @Test
    void counts_its_pages_from_its_contents() {
        assertThat(received().getPageCount()).isEqualTo(8);
    }

    @Test
    void goes_through_storage_check_out_and_return() {
        PaperFile file = received();
        file.storeIn(7L);
        file.checkOut();
        file.giveBack();
        file.storeIn(8L);
        assertThat(file.getState()).isEqualTo(PaperFileState.STORED);
        assertThat(file.getBoxId()).isEqualTo(8L);
    }

    @Test
    void is_retired_into_a_box_after_the_sign_off_unless_it_is_out_on_loan() {
        PaperFile stored = received();
        stored.storeIn(7L);
        stored.retire(7L);
        assertThat(stored.getState()).isEqualTo(PaperFileState.RETIRED_PAPER);
        assertThat(stored.getBoxId()).isEqualTo(7L);
        PaperFile unboxed = received();
        assertThatThrownBy(() -> unboxed.retire(null)).isInstanceOf(IllegalArgumentException.class);
        unboxed.retire(9L);
        assertThat(unboxed.getBoxId()).isEqualTo(9L);
        PaperFile out = received();
        out.storeIn(1L);
        out.checkOut();
        assertThatThrownBy(() -> out.retire(1L)).isInstanceOf(Refused.class).hasMessageContaining("CHECKED_OUT");
        assertThatThrownBy(() -> stored.retire(7L)).hasMessageContaining("RETIRED_PAPER");
    }

    @Test
    void refuses_to_check_out_a_file_that_is_not_stored_and_names_its_state() {
        PaperFile file = received();
        assertThatThrownBy(file::checkOut)
                .isInstanceOf(Refused.class)
                .hasMessageContaining("paperFile.cannot.checkOut")
                .hasMessageContaining("RECEIVED");
    }

    @Test
    void refuses_to_transfer_a_checked_out_file() {
        PaperFile file = received();
        file.storeIn(1L);
        file.checkOut();
        assertThatThrownBy(file::transfer).hasMessageContaining("CHECKED_OUT");
    }

    @Test
    void a_disposed_file_moves_no_more() {
        PaperFile file = received();
        file.storeIn(1L);
        file.dispose();
        assertThatThrownBy(() -> file.storeIn(1L)).hasMessageContaining("DISPOSED");
        assertThatThrownBy(file::transfer).hasMessageContaining("DISPOSED");
    }

    @Test
    void refuses_negative_page_counts() {
        assertThatThrownBy(() -> new PaperFile("F-1", 1L, Map.of(DocumentType.OTHER, -1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
