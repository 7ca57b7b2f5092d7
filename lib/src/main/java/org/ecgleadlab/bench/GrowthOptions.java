package org.ecgleadlab.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@code bench --growth} measures.
 *
 * @param sizes        CODE-15%-layout sizes, exams
 * @param ptbxlRecords records of the PTB-XL-layout root (0: none)
 * @param dataRoot     where the datasets are generated and reused
 * @param jobs         the jobs to run at each size
 * @param trainExams   exams of train's epoch (0: all)
 * @param rankExams    rank-leads' {@code --exams}
 * @param subsetExams  subset-search's {@code --max-exams} (0: the whole evaluation half)
 * @param subsetSize   subset-search's {@code --max-size}
 * @param heap         the children's {@code -Xmx}, e.g. 1g
 * @param childMain    the class whose main runs one job by command name (the front end's)
 * @param work         folder of the children's outputs and logs
 */
public record GrowthOptions(List<Integer> sizes, int ptbxlRecords, Path dataRoot, Set<GrowthJob> jobs, int trainExams,
                            int rankExams, int subsetExams, int subsetSize, String heap, String childMain, Path work) {
    public GrowthOptions {
        sizes = List.copyOf(sizes);
        jobs = Set.copyOf(jobs);
    }
}
