package org.dangan.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dangan.pdf.PrintedSheet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Issue 16, item 7: the charts are SVG whose text says the figures in Chinese, and nothing in English. */
class SvgChartsTest {

    static final Path FONT = PrintedSheet.DEFAULT_FONT;
    final SvgCharts charts = new SvgCharts(FONT);

    /** The SVG as a document: it must be well-formed XML to be set inline. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every text the chart draws, in order. */
    static List<String> texts(String svg) throws Exception {
        NodeList nodes = parse(svg).getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    @Test
    void the_font_that_measures_has_han_glyphs() {
        assertThat(FONT)
                .as("Debian's fonts-wqy-zenhei is needed to measure Chinese labels")
                .exists();
        assertThat(charts.canMeasure('镇')).isTrue();
    }

    @Test
    void stacked_findings_name_each_institution_and_write_each_non_zero_count() throws Exception {
        String svg = charts.stackedBars(
                "核查活动 #7 各机构问题处理情况",
                "甲镇卫生院：已纠正 3 项，已豁免 1 项，未处理 2 项",
                "问题数（项）",
                List.of("甲镇卫生院", "乙镇卫生院"),
                List.of(
                        new SvgCharts.Series("已纠正", SvgCharts.FIXED, List.of(3L, 1L)),
                        new SvgCharts.Series("已豁免", SvgCharts.WAIVED, List.of(1L, 0L)),
                        new SvgCharts.Series("未处理", SvgCharts.OPEN, List.of(2L, 4L))));
        List<String> texts = texts(svg);
        assertThat(texts).contains("核查活动 #7 各机构问题处理情况", "甲镇卫生院", "乙镇卫生院", "已纠正", "已豁免", "未处理", "问题数（项）");
        // the values written on the segments: A 3, 1, 2 and B 1, 4; no label on B's empty waived segment
        List<String> onBars = texts.stream().filter(t -> t.matches("\\d+")).toList();
        assertThat(onBars).containsSubsequence("3", "1", "2").contains("4");
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).contains("已纠正 3 项");
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("核查活动 #7 各机构问题处理情况");
        assertThat(svg).contains("font-family").contains("sans-serif");
        assertThat(String.join(" ", texts)).doesNotContainPattern("[A-Za-z]{4,}");
    }

    @Test
    void error_rates_stand_beside_one_limit_line_labelled_with_the_limit() throws Exception {
        List<String> texts = texts(charts.barsAgainstLimit(
                "县级抽查差错率",
                "甲镇卫生院：差错率 10.0%",
                "差错率",
                "抽查差错率",
                List.of("甲镇卫生院", "乙镇卫生院"),
                List.of(10.0, 3.3333),
                "允许上限",
                List.of(5.0, 5.0)));
        assertThat(texts).contains("县级抽查差错率", "甲镇卫生院", "乙镇卫生院", "10.0%", "3.3%", "允许上限 5.0%");
        assertThat(String.join(" ", texts)).doesNotContainPattern("[A-Za-z]{4,}");
    }

    @Test
    void different_limits_get_a_mark_each_and_the_legend_names_them() throws Exception {
        List<String> texts = texts(charts.barsAgainstLimit(
                "县级抽查差错率",
                "两个机构",
                "差错率",
                "抽查差错率",
                List.of("甲镇卫生院", "甲村卫生室"),
                List.of(4.0, 8.0),
                "允许上限",
                List.of(5.0, 10.0)));
        assertThat(texts).contains("抽查差错率", "允许上限", "4.0%", "8.0%");
    }

    @Test
    void pages_per_day_write_the_days_and_the_counts() throws Exception {
        List<String> texts = texts(charts.bars(
                "近 3 天每日识别页数", "共识别 15 页", "页数", "识别页数", List.of("11/28", "11/29", "11/30"), List.of(0L, 3L, 12L)));
        assertThat(texts).contains("近 3 天每日识别页数", "11/28", "11/29", "11/30", "3", "12", "页数");
    }

    @Test
    void two_charts_on_one_page_do_not_share_clip_path_ids() {
        String one = charts.bars("一", "一", "页数", "页", List.of("1/1"), List.of(1L));
        String two = charts.bars("二", "二", "页数", "页", List.of("1/1"), List.of(1L));
        Matcher ids = Pattern.compile("id='([^']+)'").matcher(one);
        assertThat(ids.find()).isTrue();
        assertThat(two).doesNotContain("id='" + ids.group(1) + "'");
    }
}
