package org.ecgleadlab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.knowm.xchart.XYChart;

/**
 * The growth figure: exams/s and peak RSS of each job against the CODE-15%-layout size, one line per job (log size; log exams/s).
 * The PTB-XL root has its own rows in the table; it is one point of another layout, so it is not on these lines.
 */
final class GrowthPlot {
    private GrowthPlot() {
    }

    /** Saves {@code base}.png and .svg; returns the files. */
    static List<Path> save(List<GrowthRow> rows, Path base) {
        XYChart speed = chart(rows, "Throughput against size", "exams/s (log)", GrowthRow::examsPerSecond);
        speed.getStyler().setYAxisLogarithmic(true); // ecg-info's hundreds of exams/s beside rank-leads' hundredths
        XYChart rss = chart(rows, "Peak RSS against size", "peak RSS (MB)",
                r -> Memory.megabytes(r.run().peakRssBytes()));
        return Figure.grid("bench --growth: CODE-15% layout", 2, List.of(speed, rss)).save(base);
    }

    private static XYChart chart(List<GrowthRow> rows, String title, String yTitle, ToDoubleFunction<GrowthRow> y) {
        List<Plots.Line> lines = new ArrayList<>();
        for (GrowthJob job : GrowthJob.values()) {
            List<GrowthRow> points = rows.stream().filter(r -> r.job() == job && r.layout().equals("code15")
                    && r.run().exitCode() == 0).toList();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = points.stream().mapToDouble(GrowthRow::size).toArray();
            double[] values = points.stream().mapToDouble(y).toArray();
            lines.add(Plots.Line.of(job.command(), x, values));
        }
        XYChart chart = Plots.lines(title, "exams in the dataset", yTitle, lines);
        chart.getStyler().setXAxisLogarithmic(true);
        return chart;
    }
}
