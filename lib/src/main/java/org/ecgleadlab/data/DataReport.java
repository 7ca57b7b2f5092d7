package org.ecgleadlab.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What opening a CODE folder found, beyond the exams themselves.
 *
 * @param folders        the folders read
 * @param format         CODE-15% or CODE-TEST
 * @param exams          exams with both a tracing and labels
 * @param patients       distinct patients (an exam with an unknown patient counts as its own patient)
 * @param files          HDF5 files read
 * @param skippedRows    exams.csv rows skipped because their part file is absent (not an error: partial downloads)
 * @param absentParts    part files named by exams.csv's trace_file column but not present
 * @param paddingRows    rows with exam_id 0 and no labels, which CODE-15% parts carry as padding; ignored
 * @param problemCount   problems found that did not stop reading
 * @param problems       the first {@link #MAX_LISTED_PROBLEMS} of those problems, one line each
 */
public record DataReport(List<Path> folders, CodeDataset.Format format, int exams, int patients, List<Path> files,
        int skippedRows, List<String> absentParts, int paddingRows, int problemCount, List<String> problems) {
    /** Problems listed one by one; further ones are only counted. */
    public static final int MAX_LISTED_PROBLEMS = 20;

    public DataReport {
        folders = List.copyOf(folders);
        files = List.copyOf(files);
        absentParts = List.copyOf(absentParts);
        problems = List.copyOf(problems);
    }
}
