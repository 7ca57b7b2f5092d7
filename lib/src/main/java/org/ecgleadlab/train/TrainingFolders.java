package org.ecgleadlab.train;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ExamPool;
import org.ecgleadlab.util.EcgLabException;

/**
 * The labelled exams a run trains on: every folder of {@link TrainConfig#folders()} (one folder, or several given as
 * {@code --data A,B}), each opened by {@link CodeDataset#open}, joined in folder order ({@link ExamPool}), restricted
 * to {@link TrainConfig#onlyExams()} when set.
 */
final class TrainingFolders {
    private TrainingFolders() {
    }

    /**
     * The exams of every training folder, each record once (a record in two folders is trained on once; an exam id
     * with two different tracings is refused), restricted to {@code onlyExams} when set.
     */
    static List<ExamInfo> exams(TrainConfig config) {
        List<ExamInfo> exams = config.folders().size() == 1
                ? CodeDataset.open(config.data()).requireLabels("training").exams()
                : ExamPool.join(config.folders(), "training", false).exams();
        return config.onlyExams().isEmpty() ? exams : only(exams, config);
    }

    /** The data's own split: the single folder's (PTB-XL strat_fold), none when several folders are joined. */
    static Map<Long, String> officialSplit(TrainConfig config) {
        return config.moreData().isEmpty() ? CodeDataset.open(config.data()).officialSplit() : Map.of();
    }

    private static List<ExamInfo> only(List<ExamInfo> exams, TrainConfig config) {
        Set<Long> wanted = new LinkedHashSet<>(config.onlyExams());
        List<ExamInfo> kept = exams.stream().filter(e -> wanted.remove(e.examId())).toList();
        if (!wanted.isEmpty()) {
            throw new EcgLabException(config.folders() + ": exam " + wanted.iterator().next() + " of the "
                    + wanted.size() + " asked for (onlyExams) is not there; list ids with ecg-info");
        }
        return kept;
    }
}
