package org.ecgleadlab.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * Two data folders measured side by side (e.g. real CODE-15% as A, the synthetic default as B): for every
 * {@link Measure} (per lead where it has leads) the median and interquartile range of each side, the ratio B/A and
 * the difference B − A of the medians; written as a table (console, CSV, Markdown), JSON and overlaid plots.
 *
 * @param a the first folder's measures
 * @param b the second folder's measures
 */
public record DataComparison(DataSideMeasures a, DataSideMeasures b) {
    /** Median, quartiles and count of the finite values of one measure (a share's mean sits in {@code median}). */
    public record Summary(int n, double median, double q1, double q3) {
        static Summary of(double[] values, boolean share) {
            if (values.length == 0) {
                return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
            }
            if (share) {
                return new Summary(values.length, Arrays.stream(values).average().orElseThrow(), Double.NaN,
                        Double.NaN);
            }
            return new Summary(values.length, Delineator.percentile(values, 0.5), Delineator.percentile(values, 0.25),
                    Delineator.percentile(values, 0.75));
        }
    }

    /** One row of the comparison: a measure in one lead (lead null for per-exam measures). */
    public record Row(Measure measure, Lead lead, Summary a, Summary b) {
        /** B's median over A's; NaN where a ratio means nothing (axis, transition lead) or A's median is 0. */
        public double ratio() {
            if (measure == Measure.AXIS || measure == Measure.RS_TRANSITION || a.median() == 0) {
                return Double.NaN;
            }
            return b.median() / a.median();
        }

        /** B's median minus A's. */
        public double difference() {
            return b.median() - a.median();
        }

        /** "R V1", "heart rate". */
        public String name() {
            return lead == null ? measure.label() : measure.label() + " " + lead.label();
        }
    }

    /** Measures both folders ({@code maxExams} each, same seed) and pairs them. */
    public static DataComparison run(Path folderA, String nameA, Path folderB, String nameB, int maxExams, long seed,
                                     boolean progress) {
        DataSideMeasures a = DataSideMeasures.measure(nameA, folderA, maxExams, seed, progress);
        DataSideMeasures b = DataSideMeasures.measure(nameB, folderB, maxExams, seed, progress);
        return new DataComparison(a, b);
    }

    /** Every row: per-exam measures first, then each per-lead measure lead by lead. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Measure m : Measure.values()) {
            boolean share = m == Measure.SEVEN_SECOND || m == Measure.ALL_ZERO;
            for (int c = 0; c < m.width(); c++) {
                rows.add(new Row(m, m.perLead() ? Lead.values()[c] : null, Summary.of(a.finite(m, c), share),
                        Summary.of(b.finite(m, c), share)));
            }
        }
        return rows;
    }

    /** The row of {@code measure} in {@code lead} (null for per-exam measures). */
    public Row row(Measure measure, Lead lead) {
        return rows().stream().filter(r -> r.measure() == measure && r.lead() == lead).findFirst().orElseThrow();
    }

    /** The comparison table: measure, lead, unit, then n, median, q1, q3 of A and of B, B/A and B − A. */
    public Table table() {
        Tables.Builder builder = Tables.builder("A = " + a.name() + ", B = " + b.name(), "measure", "lead", "unit",
                "A n", "A median", "A q1", "A q3", "B n", "B median", "B q1", "B q3", "B/A", "B-A");
        for (Row r : rows()) {
            builder.row(r.measure().label(), r.lead() == null ? "" : r.lead().label(), r.measure().unit(),
                    r.a().n(), finite(r.a().median()), finite(r.a().q1()), finite(r.a().q3()), r.b().n(),
                    finite(r.b().median()), finite(r.b().q1()), finite(r.b().q3()), finite(r.ratio()),
                    finite(r.difference()));
        }
        return builder.build();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Writes {@code comparison.csv}, {@code comparison.md}, {@code comparison.json}, the plots and
     * {@code provenance.json} into {@code out}; returns the table.
     */
    public Table write(Path out, Provenance provenance) {
        Table table = table();
        Tables.saveCsv(table, out.resolve("comparison.csv"));
        Tables.saveMarkdown(table, out.resolve("comparison.md"), TableFormat.decimals(3));
        Json.write(out.resolve("comparison.json"), json());
        ComparisonPlots.save(this, out);
        provenance.write(out.resolve("provenance.json"));
        return table;
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("a", side(a));
        root.put("b", side(b));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("measure", r.measure().name());
            row.put("label", r.measure().label());
            row.put("lead", r.lead() == null ? null : r.lead().label());
            row.put("unit", r.measure().unit());
            row.put("a", r.a());
            row.put("b", r.b());
            row.put("ratio", finite(r.ratio()));
            row.put("difference", finite(r.difference()));
            rows.add(row);
        }
        root.put("rows", rows);
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            definitions.put(m.name(), m.definition());
        }
        root.put("definitions", definitions);
        root.put("spectrumFrequenciesHz", a.frequencies());
        return root;
    }

    private static Map<String, Object> side(DataSideMeasures s) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("name", s.name());
        side.put("folder", s.folder().toString());
        side.put("folderExams", s.folderExams());
        side.put("measuredExams", s.exams());
        Map<String, double[]> spectra = new LinkedHashMap<>();
        for (Lead lead : Lead.values()) {
            spectra.put(lead.label(), Arrays.stream(s.spectra()[lead.channel()])
                    .map(v -> Double.isFinite(v) ? v : 0).toArray());
        }
        side.put("meanPsdMv2PerHz", spectra);
        return side;
    }
}
