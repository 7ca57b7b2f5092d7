package org.ecgleadlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.util.EcgLabException;

/**
 * The labelled exams of several folders joined, each record once. A record given twice (the 17 records of
 * {@code data/real-ecg} are copies of records in {@code ../shared/real-ecg}) is kept at its first folder; an exam id
 * found twice with different tracings is refused. With {@code byContent}, records with another id but the same
 * tracing (the Challenge 2021's E07510 is a copy of E07509) are kept once too, so that a cross-validation never has
 * one recording on both sides; this reads every tracing once, so it is meant for small real sets.
 *
 * @param exams      every record once, in folder order
 * @param duplicates the records left out, each with the one kept in its place
 */
public record ExamPool(List<ExamInfo> exams, List<Duplicate> duplicates) {
    /** A record left out because {@code kept} is the same recording. */
    public record Duplicate(ExamInfo kept, ExamInfo dropped, String why) {
    }

    public ExamPool {
        exams = List.copyOf(exams);
        duplicates = List.copyOf(duplicates);
    }

    /** Opens {@code folders} (labelled, for {@code purpose}) and joins their exams, each record once. */
    public static ExamPool join(List<Path> folders, String purpose, boolean byContent) {
        List<ExamInfo> all = new ArrayList<>();
        for (Path folder : folders) {
            all.addAll(CodeDataset.open(folder).requireLabels(purpose).exams());
        }
        List<ExamInfo> kept = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        Map<Long, ExamInfo> byId = new HashMap<>();
        Map<Integer, List<ExamInfo>> byHash = new HashMap<>();
        try (TracingReader reader = new TracingReader()) {
            for (ExamInfo exam : all) {
                ExamInfo sameId = byId.get(exam.examId());
                if (sameId != null) {
                    if (!Arrays.equals(reader.read(sameId), reader.read(exam))
                            || !Arrays.equals(sameId.labels(), exam.labels())) {
                        throw new EcgLabException(exam.file() + ": exam " + exam.examId() + " (field exam_id) is also "
                                + sameId.file() + " with another tracing or labels; give each record once");
                    }
                    duplicates.add(new Duplicate(sameId, exam, "same exam id and tracing"));
                    continue;
                }
                if (byContent) {
                    float[] signal = reader.read(exam); // hashed, not kept: memory stays one tracing
                    List<ExamInfo> bucket = byHash.computeIfAbsent(Arrays.hashCode(signal), h -> new ArrayList<>());
                    ExamInfo copy = bucket.stream().filter(e -> Arrays.equals(reader.read(e), signal)).findFirst()
                            .orElse(null);
                    if (copy != null) {
                        duplicates.add(new Duplicate(copy, exam, "same tracing under another id"));
                        continue;
                    }
                    bucket.add(exam);
                }
                byId.put(exam.examId(), exam);
                kept.add(exam);
            }
        }
        return new ExamPool(kept, duplicates);
    }
}
