package org.ecgleadlab.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;

/**
 * A real patient's ECG beside a synthetic one of the same condition, to judge the generator by eye: both drawn by
 * {@link EcgPlot} at the same paper speed and gain (25 mm/s, 10 mm/mV) in the same 3 × 4 + rhythm-strip layout,
 * the synthetic above the real. Examples are chosen as {@link ExampleExams#onePerCondition} chooses them (the
 * condition alone where possible), from any two exam lists of any format, e.g. the synthetic training set and the
 * real records shipped in {@code data/real-ecg}.
 */
public final class RealBesideSynthetic {
    /** One condition's two examples. */
    public record Pair(Condition condition, ExamInfo synthetic, ExamInfo real) {
    }

    private RealBesideSynthetic() {
    }

    /** A pair for each of {@code conditions} found in both lists, in the order given; others are left out. */
    public static List<Pair> choose(List<Condition> conditions, List<ExamInfo> synthetic, List<ExamInfo> real,
                                    TracingReader reader) {
        Map<String, ExamInfo> syntheticExamples = ExampleExams.onePerCondition(synthetic, reader);
        Map<String, ExamInfo> realExamples = ExampleExams.onePerCondition(real, reader);
        List<Pair> pairs = new ArrayList<>();
        for (Condition condition : conditions) {
            ExamInfo s = syntheticExamples.get(condition.column());
            ExamInfo r = realExamples.get(condition.column());
            if (s != null && r != null) {
                pairs.add(new Pair(condition, s, r));
            }
        }
        return pairs;
    }

    /** The pair as one picture: the synthetic ECG above the real one, each titled with its source and labels. */
    public static BufferedImage image(Pair pair, TracingReader reader) {
        return Images.stacked(List.of(
                EcgPlot.ofTracing(reader.read(pair.synthetic())).title(title("synthetic", pair.synthetic())).image(),
                EcgPlot.ofTracing(reader.read(pair.real())).title(title("real", pair.real())).image()));
    }

    /** E.g. {@code "real · record A0010 (cpsc2018-challenge2020) · RBBB"} or {@code "synthetic · exam 17 · RBBB"}. */
    static String title(String kind, ExamInfo exam) {
        String file = exam.file().getFileName().toString();
        String name = file.endsWith(".hea")
                ? "record " + file.substring(0, file.length() - ".hea".length()) + " (" + exam.source() + ")"
                : "exam " + exam.examId();
        return kind + " · " + name + " · " + ExampleExams.labelText(exam);
    }
}
