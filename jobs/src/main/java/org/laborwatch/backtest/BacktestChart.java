package org.laborwatch.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.laborwatch.policy.Policy;

/**
 * Draws a backtest as a PNG: the metric a policy reads, its threshold, the periods the policy was
 * on (shaded orange) and NBER recessions (shaded grey) where the input carried them.
 */
public final class BacktestChart {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color ON = new Color(255, 140, 0, 70);
    private static final Color RECESSION = new Color(120, 120, 120, 60);

    private BacktestChart() {}

    /** Writes the chart of {@code metric} for one region and sector of {@code policy}. */
    public static void write(Path png, Backtest backtest, Policy policy, String metric, String region, String sector)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        TimeSeries line = new TimeSeries(metric + " (" + region + ")");
        for (Map.Entry<LocalDate, BigDecimal> v : backtest.series(metric, region, sector).entrySet()) {
            line.addOrUpdate(day(v.getKey()), v.getValue());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                policy.id() + " on " + region + ": " + metric + " against its threshold",
                null, metric, new TimeSeriesCollection(line, UTC), true, false, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(
                "orange: " + policy.id() + " ON (decision period to first OFF period); grey: NBER recession months; dashed: threshold"));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.getRenderer().setSeriesPaint(0, new Color(31, 119, 180));
        ((DateAxis) plot.getDomainAxis()).setTimeZone(UTC);
        BigDecimal threshold = policy.thresholds().get(metric);
        if (threshold != null) {
            ValueMarker t = new ValueMarker(threshold.doubleValue(), new Color(200, 30, 30),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            t.setLabel("threshold " + threshold.toPlainString());
            t.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            t.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(t);
        }
        LocalDate first = line.getItemCount() == 0 ? null : backtest.series(metric, region, sector).firstKey();
        for (LocalDate m : backtest.recessionMonths()) {
            if (first == null || !m.isBefore(first)) {
                plot.addDomainMarker(new IntervalMarker(millis(m), millis(m.plusMonths(1)), RECESSION), Layer.BACKGROUND);
            }
        }
        LocalDate last = line.getItemCount() == 0 ? null : backtest.series(metric, region, sector).lastKey();
        for (Episode e : backtest.episodes()) {
            if (e.policy().equals(policy.id()) && e.region().equals(region) && e.sector().equals(sector)) {
                LocalDate end = e.exitPeriod() != null ? e.exitPeriod() : last;
                plot.addDomainMarker(new IntervalMarker(millis(e.enterPeriod()), millis(end), ON), Layer.BACKGROUND);
            }
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 600);
    }

    private static Day day(LocalDate d) {
        return new Day(java.util.Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()), UTC, Locale.ROOT);
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
