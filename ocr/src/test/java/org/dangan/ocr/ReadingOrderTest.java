package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading order from line boxes alone: columns column by column, tables and prose row by row. */
class ReadingOrderTest {

    static TextBox box(String text, int x, int y, int width) {
        return new TextBox(text, x, y, width, 40, 90);
    }

    @Test
    void a_two_column_page_under_a_title_reads_the_title_then_the_left_column_then_the_right() {
        List<TextBox> lines = new ArrayList<>();
        lines.add(box("标题", 200, 50, 1800));
        for (int i = 0; i < 8; i++) {
            // the right column's lines stand on the same rows as the left's, as typeset columns do
            lines.add(box("右" + i, 1160 + (i % 2) * 10, 150 + i * 60, 900));
            lines.add(box("左" + i, 100, 150 + i * 60, 950));
        }
        lines.add(box("页脚", 400, 700, 1400));

        List<String> order = ReadingOrder.of(lines).stream().map(TextBox::text).toList();

        assertThat(order)
                .containsExactly(
                        "标题", "左0", "左1", "左2", "左3", "左4", "左5", "左6", "左7", "右0", "右1", "右2", "右3", "右4", "右5", "右6",
                        "右7", "页脚");
        assertThat(ReadingOrder.text(ReadingOrder.of(lines))).startsWith("标题\n左0\n左1");
    }

    @Test
    void a_table_of_narrow_cells_reads_row_by_row_with_the_cells_of_a_row_on_one_line() {
        List<TextBox> cells = new ArrayList<>();
        String[][] table = {{"项目", "结果", "单位"}, {"白细胞", "6.2", "10^9/L"}, {"血红蛋白", "132", "g/L"}};
        for (int r = table.length - 1; r >= 0; r--) {
            for (int c = 0; c < 3; c++) {
                // a cell a little higher or lower than its neighbours, as recognised boxes are
                cells.add(box(table[r][c], 100 + c * 500, 100 + r * 80 + (c == 1 ? 8 : 0), 200));
            }
        }

        assertThat(ReadingOrder.text(ReadingOrder.of(cells))).isEqualTo("项目 结果 单位\n白细胞 6.2 10^9/L\n血红蛋白 132 g/L");
    }

    @Test
    void prose_with_a_short_indented_line_is_not_taken_for_columns() {
        List<TextBox> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(box("行" + i, 100, 100 + i * 60, i == 4 ? 300 : 1800));
        }
        assertThat(ReadingOrder.of(lines))
                .extracting(TextBox::text)
                .containsExactly("行0", "行1", "行2", "行3", "行4", "行5", "行6", "行7", "行8", "行9");
    }

    @Test
    void nothing_and_empty_boxes_give_nothing() {
        assertThat(ReadingOrder.of(List.of())).isEmpty();
        assertThat(ReadingOrder.of(List.of(new TextBox("x", 0, 0, 0, 0, 0)))).isEmpty();
        assertThat(ReadingOrder.text(List.of())).isEmpty();
    }
}
