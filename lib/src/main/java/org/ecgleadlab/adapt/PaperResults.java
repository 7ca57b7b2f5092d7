package org.ecgleadlab.adapt;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.Lead;

/**
 * The numbers the paper reports (Porfírio et al., Tables 1 and 2), kept for reference beside ours. They were
 * measured on CODE-15% (training) and CODE-TEST + AUDIT (evaluation half); ours are measured on whatever data the
 * grid ran on, usually the synthetic default, so only the pattern is comparable, never the values.
 */
public final class PaperResults {
    /** Printed wherever the paper's numbers appear next to ours. */
    public static final String SOURCE_NOTE = "paper values: LGA-ECG trained on CODE-15%, evaluated on CODE-TEST + AUDIT"
            + " (Porfírio et al., Tables 1-2); ours: the data named in the provenance";

    /** The paper's ranking subsets (§5.1). */
    public static final List<Lead> TOP_1 = List.of(Lead.V1);
    public static final List<Lead> TOP_2 = List.of(Lead.V1, Lead.I);
    public static final List<Lead> TOP_3 = List.of(Lead.V1, Lead.I, Lead.II);
    public static final List<Lead> BOTTOM_3 = List.of(Lead.III, Lead.AVL, Lead.AVF);

    /**
     * One reported row: per-class F1 in {@code Condition} order (1dAVb, RBBB, LBBB, SB, AF, ST), then macro F1,
     * accuracy and recall. The paper reports no precision.
     */
    public record Row(List<Lead> leads, Strategy strategy, double[] classF1, double macroF1, double accuracy,
                      double recall) {
    }

    /** Table 1 as the paper prints it, one row per line (leads as "V1,I", strategies by {@link Strategy#cliName()}). */
    private static final List<Row> TABLE_1 = parseTable1("""
            leads    strategy           1dAVb RBBB  LBBB  SB    AF    ST    F1    Acc   Recall
            V1       inference-masking  0.207 0.699 0.810 0.363 0.301 0.758 0.524 0.690 0.489
            V1       finetune-masking   0.457 0.891 0.914 0.825 0.868 0.902 0.809 0.947 0.736
            V1       train-masking      0.792 0.844 0.901 0.873 0.878 0.902 0.866 0.913 0.811
            V1       reduced-channels   0.739 0.891 0.894 0.901 0.911 0.914 0.875 0.920 0.831
            V1,I     inference-masking  0.439 0.800 0.913 0.753 0.650 0.827 0.730 0.840 0.684
            V1,I     finetune-masking   0.683 0.902 0.925 0.844 0.899 0.904 0.859 0.942 0.799
            V1,I     train-masking      0.727 0.889 0.911 0.831 0.886 0.912 0.860 0.916 0.797
            V1,I     reduced-channels   0.800 0.909 0.925 0.869 0.888 0.914 0.885 0.925 0.849
            V1,I,II  inference-masking  0.680 0.863 0.889 0.733 0.710 0.846 0.787 0.867 0.721
            V1,I,II  finetune-masking   0.683 0.920 0.938 0.825 0.868 0.902 0.856 0.963 0.781
            V1,I,II  train-masking      0.683 0.902 0.934 0.793 0.878 0.902 0.850 0.910 0.780
            V1,I,II  reduced-channels   0.782 0.901 0.951 0.823 0.860 0.880 0.866 0.909 0.815
            12-lead  baseline           0.783 0.909 0.938 0.870 0.901 0.907 0.885 0.927 0.848
            """);

    /** Table 2 (ablation): F1, accuracy, recall per subset name. Per-class values are not reported there. */
    private static final Map<String, double[]> TABLE_2 = Map.of(
            LeadSubset.ALL_LEADS, new double[] {0.885, 0.927, 0.848},
            "Top-2", new double[] {0.885, 0.925, 0.849},
            "Bottom-3", new double[] {0.710, 0.968, 0.576});

    private PaperResults() {
    }

    private static List<Row> parseTable1(String text) {
        return text.lines().skip(1).map(line -> {
            String[] cells = line.trim().split("\\s+");
            List<Lead> leads = cells[0].equals(LeadSubset.ALL_LEADS) ? List.of(Lead.values()) : Lead.parseList(cells[0]);
            double[] values = Arrays.stream(cells, 2, cells.length).mapToDouble(Double::parseDouble).toArray();
            return new Row(leads, Strategy.parse(cells[1]), Arrays.copyOf(values, 6), values[6], values[7], values[8]);
        }).toList();
    }

    /** All rows of Table 1, in the paper's order. */
    public static List<Row> table1() {
        return TABLE_1;
    }

    /** The Table 1 row for these leads (in this order) and strategy, if the paper reports one. */
    public static Optional<Row> table1(List<Lead> leads, Strategy strategy) {
        return TABLE_1.stream().filter(r -> r.leads().equals(leads) && r.strategy() == strategy).findFirst();
    }

    /** Table 2's {F1, accuracy, recall} for "12-lead", "Top-2" or "Bottom-3". */
    public static Optional<double[]> table2(String subsetName) {
        return Optional.ofNullable(TABLE_2.get(subsetName)).map(double[]::clone);
    }
}
