package org.ecgleadlab.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.SplitMembership;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.util.EcgLabException;

/**
 * The exams of a run: the training folder's exams (the first {@code maxExams} when capped), split by the data's
 * official split where it has one (PTB-XL: folds 1–8 train, 9 validation; fold 10 is never seen) unless the config
 * asks for a patient split, else by patient 90/10 with the split seed. The split is saved as {@value #SPLIT_FILE}
 * in the run folder; a resumed run must find the same split, or the data changed under it.
 *
 * @param train      training exams, in file order (shuffled per epoch by the batches)
 * @param validation validation exams, in file order
 */
public record RunData(List<ExamInfo> train, List<ExamInfo> validation) {
    /** The paper's validation share of CODE-15% (by patient). */
    static final double VALIDATION_FRACTION = 0.1;
    static final String SPLIT_FILE = "split.csv";

    static RunData prepare(TrainConfig config) {
        Splits.TrainValidation split = split(TrainingFolders.exams(config), config.maxExams(), config.splitSeed(),
                config.patientSplit(), TrainingFolders.officialSplit(config));
        int exams = split.train().size() + split.validation().size();
        if (split.train().isEmpty() || split.validation().isEmpty()) {
            throw new EcgLabException(config.folders() + ": " + exams + " exams give an empty training or "
                    + "validation split; use more exams (--max-exams 0 uses all)");
        }
        SplitMembership membership = split.membership();
        Path file = config.output().resolve(SPLIT_FILE);
        if (config.resume() && Files.isRegularFile(file) && !SplitMembership.load(file).equals(membership)) {
            throw new EcgLabException(file + ": the split saved by this run differs from the one made now from "
                    + config.data() + "; the data changed since the run started, so train into another --output");
        }
        membership.save(file);
        List<ExamInfo> train = config.balanced() ? BalancedSampling.repeat(split.train()) : split.train();
        return new RunData(train, split.validation());
    }

    /**
     * The training and validation exams of {@code data}: the first {@code maxExams} (0: all), then the official
     * split when the data has one and {@code patientSplit} is off, else the patient split with {@code splitSeed}.
     */
    public static Splits.TrainValidation split(CodeDataset data, int maxExams, long splitSeed, boolean patientSplit) {
        return split(data.exams(), maxExams, splitSeed, patientSplit, data.officialSplit());
    }

    private static Splits.TrainValidation split(List<ExamInfo> exams, int maxExams, long splitSeed,
                                                boolean patientSplit, java.util.Map<Long, String> officialSplit) {
        if (maxExams > 0 && exams.size() > maxExams) {
            exams = exams.subList(0, maxExams);
        }
        if (!patientSplit && !officialSplit.isEmpty()) {
            return Splits.official(exams, officialSplit);
        }
        return Splits.byPatient(exams, VALIDATION_FRACTION, splitSeed);
    }
}
