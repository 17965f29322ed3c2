package org.dangan.ui.home;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Charts drawn on the server (JFreeChart) as SVG markup (JFreeSVG) to be set inline in a page: no
 * script and no npm package in the browser. The text is measured with a font that has Han glyphs
 * (the one the printed sheets embed) and the SVG names that font and common Chinese ones, so the
 * browser draws the labels in Chinese at about the measured width. Each chart carries its title
 * and a text alternative (role img, aria-label, title and desc), which the caller words with the
 * figures, since a screen reader cannot read bars.
 */
public final class SvgCharts {

    public static final Color FIXED = new Color(0x2e7d32);
    public static final Color WAIVED = new Color(0xf9a825);
    public static final Color OPEN = new Color(0xc62828);
    public static final Color NEUTRAL = new Color(0x1565c0);
    private static final Color GRID = new Color(0xdddddd);
    static final int WIDTH = 640;

    private static final AtomicLong CHARTS = new AtomicLong();

    static {
        // else JFreeChart draws rotated text (axis names, slanted days) as outlines: no text to read or search
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final Font font;
    private final String fontFamilies;

    /** @param fontFile a TrueType font or collection with Han glyphs; without one, the JVM's sans serif measures */
    public SvgCharts(Path fontFile) {
        Font loaded;
        try {
            loaded = fontFile != null && Files.isReadable(fontFile)
                    ? Font.createFonts(fontFile.toFile())[0]
                    : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        } catch (FontFormatException | IOException e) {
            loaded = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
        this.font = loaded;
        // JFreeSVG writes its attributes in single quotes: the family names take double ones
        this.fontFamilies = "\"" + loaded.getFamily(Locale.ENGLISH)
                + "\", \"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif";
    }

    /** Whether the measuring font has the character (a Han one, for Chinese labels). */
    boolean canMeasure(char c) {
        return font.canDisplay(c);
    }

    /** One named series of values, one value per category, in the given colour. */
    public record Series(String name, Color colour, List<? extends Number> values) {}

    /** Horizontal bars, one per category, stacked from the series (e.g. fixed, waived, open findings per institution). */
    public String stackedBars(
            String title, String description, String valueAxis, List<String> categories, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.values().get(i), s.name(), categories.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                title, null, valueAxis, data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = styled(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, series.get(i).colour());
        }
        labelled(
                renderer,
                NumberFormat.getIntegerInstance(),
                Color.WHITE,
                new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        integerAxis(plot);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return svg(chart, title, description, 120 + 60 * categories.size());
    }

    /**
     * Vertical bars in percent beside the limit they are held to: one line across when every
     * category has the same limit, else a mark per category. Bars above their limit are red.
     */
    public String barsAgainstLimit(
            String title,
            String description,
            String valueAxis,
            String seriesName,
            List<String> categories,
            List<Double> percents,
            String limitName,
            List<Double> limits) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(percents.get(i), seriesName, categories.get(i));
        }
        JFreeChart chart =
                ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = styled(chart);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return percents.get(column) > limits.get(column) ? OPEN : NEUTRAL;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, NEUTRAL);
        renderer.setMaximumBarWidth(0.18);
        plot.setRenderer(renderer);
        DecimalFormat percent = new DecimalFormat("0.0'%'");
        labelled(
                renderer,
                percent,
                Color.DARK_GRAY,
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(new DecimalFormat("0'%'"));
        double top = Stream.concat(percents.stream(), limits.stream())
                .mapToDouble(d -> d)
                .max()
                .orElse(0);
        axis.setRange(0, Math.max(1, top * 1.3));
        if (limits.stream().distinct().count() <= 1 && !limits.isEmpty()) {
            ValueMarker line = new ValueMarker(
                    limits.get(0),
                    OPEN,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            line.setLabel(limitName + " " + percent.format(limits.get(0)));
            line.setLabelFont(font.deriveFont(Font.PLAIN, 13f));
            line.setLabelPaint(OPEN);
            line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(line);
        } else {
            DefaultCategoryDataset marks = new DefaultCategoryDataset();
            for (int i = 0; i < categories.size(); i++) {
                marks.addValue(limits.get(i), limitName, categories.get(i));
            }
            LineAndShapeRenderer markRenderer = new LineAndShapeRenderer(false, true);
            markRenderer.setSeriesPaint(0, OPEN);
            markRenderer.setSeriesShape(0, new Rectangle(-14, -2, 28, 4));
            plot.setDataset(1, marks);
            plot.setRenderer(1, markRenderer);
        }
        return svg(chart, title, description, 340);
    }

    /** Vertical bars of whole numbers, one per category (e.g. pages per day). */
    public String bars(
            String title,
            String description,
            String valueAxis,
            String seriesName,
            List<String> categories,
            List<? extends Number> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values.get(i), seriesName, categories.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(
                title, null, valueAxis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = styled(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, NEUTRAL);
        labelled(
                renderer,
                NumberFormat.getIntegerInstance(),
                Color.DARK_GRAY,
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        integerAxis(plot);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        double top = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        axis.setRange(0, Math.max(5, Math.ceil(top * 1.2)));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return svg(chart, title, description, 320);
    }

    /**
     * Percentages over time, one line per series, with a dashed target line; a missing value (no
     * snapshot that month, or an undefined rate) leaves a gap instead of a false zero.
     */
    public String percentLines(
            String title,
            String description,
            String valueAxis,
            List<String> categories,
            List<Series> series,
            String targetName,
            Double target) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.values().get(i), s.name(), categories.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(
                title, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = styled(chart);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, series.get(i).colour());
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            renderer.setSeriesShapesVisible(i, true);
        }
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(new DecimalFormat("0'%'"));
        axis.setRange(0, 100);
        if (target != null) {
            ValueMarker line = new ValueMarker(
                    target,
                    OPEN,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            line.setLabel(targetName + " " + new DecimalFormat("0.#'%'").format(target));
            line.setLabelFont(font.deriveFont(Font.PLAIN, 13f));
            line.setLabelPaint(OPEN);
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(line);
        }
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return svg(chart, title, description, 340);
    }

    private CategoryPlot styled(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("dangan");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 17f));
        theme.setLargeFont(font.deriveFont(Font.PLAIN, 14f));
        theme.setRegularFont(font.deriveFont(Font.PLAIN, 13f));
        theme.setSmallFont(font.deriveFont(Font.PLAIN, 12f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setNoDataMessageFont(font.deriveFont(Font.PLAIN, 14f));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelLines(2);
        domain.setCategoryMargin(0.25);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setPadding(4, 8, 8, 4);
        }
        return plot;
    }

    /** Values written on the bars; nothing on a zero, which has no bar to write on. */
    private void labelled(BarRenderer renderer, NumberFormat format, Color paint, ItemLabelPosition position) {
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format) {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return value == null || value.doubleValue() == 0 ? null : super.generateLabel(dataset, row, column);
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(font.deriveFont(Font.BOLD, 13f));
        renderer.setDefaultItemLabelPaint(paint);
        renderer.setDefaultPositiveItemLabelPosition(position);
    }

    private static void integerAxis(CategoryPlot plot) {
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private String svg(JFreeChart chart, String title, String description, int height) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        // several charts share a page: their clip paths need ids of their own
        g.setDefsKeyPrefix("chart" + CHARTS.incrementAndGet() + "-");
        g.setFontFunction(family -> fontFamilies);
        chart.draw(g, new Rectangle(0, 0, WIDTH, height));
        String markup = g.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, height), null, null);
        int open = markup.indexOf('>');
        return markup.substring(0, open) + " role=\"img\" aria-label=\"" + escape(title + "。" + description)
                + "\" preserveAspectRatio=\"xMinYMin meet\" style=\"width:100%;height:auto;display:block\">"
                + "<title>" + escape(title) + "</title><desc>" + escape(description) + "</desc>"
                + markup.substring(open + 1);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
